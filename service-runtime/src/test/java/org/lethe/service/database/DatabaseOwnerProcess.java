package org.lethe.service.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A service's database owner as its own program: starts the embedded database in the directory given, writes one
 * row, says {@code ready} and waits to be killed.
 */
public final class DatabaseOwnerProcess {

    private DatabaseOwnerProcess() {
    }

    public static void main(String... args) throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]));
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists outbox (entry text primary key)");
            statement.execute("insert into outbox values ('written before the kill')");
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    static Connection connect(EmbeddedDatabase database) throws SQLException {
        Map<String, String> settings = database.datasourceConfig();
        return DriverManager.getConnection(settings.get("quarkus.datasource.jdbc.url"),
                settings.get("quarkus.datasource.username"), settings.get("quarkus.datasource.password"));
    }
}
