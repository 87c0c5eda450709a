package org.lethe.auditor;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.lethe.service.database.EmbeddedDatabase;

/**
 * Starts the auditor service. Without a configured JDBC URL it first starts an embedded PostgreSQL whose
 * data lives in {@code $LETHE_DATA_DIR/auditor/postgres} (default {@code ~/.local/share/lethe}).
 */
@QuarkusMain
public final class AuditorMain {

    /** The service's name: its part of {@code $LETHE_DATA_DIR}. */
    public static final String SERVICE = "auditor";

    private AuditorMain() {
    }

    public static void main(String... args) {
        // the report's charts are drawn without a display
        System.setProperty("java.awt.headless", "true");
        EmbeddedDatabase.startUnlessConfigured(SERVICE);
        Quarkus.run(args);
    }
}
