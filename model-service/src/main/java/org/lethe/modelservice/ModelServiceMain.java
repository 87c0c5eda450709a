package org.lethe.modelservice;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.lethe.modelservice.database.DataDirectory;
import org.lethe.modelservice.database.EmbeddedDatabase;

/**
 * Starts the model service. Without a configured JDBC URL it first starts an embedded PostgreSQL whose
 * data lives in {@code $LETHE_DATA_DIR/model-service/postgres} (default {@code ~/.local/share/lethe}).
 */
@QuarkusMain
public final class ModelServiceMain {

    private ModelServiceMain() {
    }

    public static void main(String... args) {
        if (System.getProperty("quarkus.datasource.jdbc.url") == null && System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
            EmbeddedDatabase database = EmbeddedDatabase.start(DataDirectory.of("postgres"));
            database.datasourceConfig().forEach(System::setProperty);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
        }
        Quarkus.run(args);
    }
}
