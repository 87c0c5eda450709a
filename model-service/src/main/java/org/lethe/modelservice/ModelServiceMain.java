package org.lethe.modelservice;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.lethe.modelservice.database.EmbeddedDatabase;

import java.nio.file.Path;

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
            String dataRoot = System.getenv().getOrDefault("LETHE_DATA_DIR",
                    Path.of(System.getProperty("user.home"), ".local", "share", "lethe").toString());
            EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(dataRoot, "model-service", "postgres"));
            database.datasourceConfig().forEach(System::setProperty);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
        }
        Quarkus.run(args);
    }
}
