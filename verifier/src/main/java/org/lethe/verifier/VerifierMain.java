package org.lethe.verifier;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.lethe.ml.network.NumericEnvironment;
import org.lethe.service.database.EmbeddedDatabase;

/**
 * Starts the verifier service. Without a configured JDBC URL it first starts an embedded PostgreSQL whose
 * data lives in {@code $LETHE_DATA_DIR/verifier/postgres} (default {@code ~/.local/share/lethe}).
 */
@QuarkusMain
public final class VerifierMain {

    /** The service's name: its part of {@code $LETHE_DATA_DIR}. */
    public static final String SERVICE = "verifier";

    private VerifierMain() {
    }

    public static void main(String... args) {
        NumericEnvironment.warnIfUnpinned(System.getLogger(VerifierMain.class.getName()));
        EmbeddedDatabase.startUnlessConfigured(SERVICE);
        Quarkus.run(args);
    }
}
