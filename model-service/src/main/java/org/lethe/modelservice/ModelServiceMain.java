package org.lethe.modelservice;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.lethe.ml.network.NumericEnvironment;
import org.lethe.service.database.EmbeddedDatabase;

/**
 * Starts the model service. Without a configured JDBC URL it first starts an embedded PostgreSQL whose
 * data lives in {@code $LETHE_DATA_DIR/model-service/postgres} (default {@code ~/.local/share/lethe}).
 */
@QuarkusMain
public final class ModelServiceMain {

    /** The service's name: its data directory and its part of {@code $LETHE_DATA_DIR}. */
    public static final String SERVICE = "model-service";

    private ModelServiceMain() {
    }

    public static void main(String... args) {
        NumericEnvironment.warnIfUnpinned(System.getLogger(ModelServiceMain.class.getName()));
        EmbeddedDatabase.startUnlessConfigured(SERVICE);
        Quarkus.run(args);
    }
}
