package org.lethe.service.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL started from the Maven Central binaries, for machines with no database server.
 * Its data directory persists, so a service's state (its ledger outbox first) survives a restart, a crash
 * included: a server its killed owner left running is stopped before the new one starts.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final DirectoryOwnerLock owner;
    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(DirectoryOwnerLock owner, EmbeddedPostgres postgres) {
        this.owner = owner;
        this.postgres = postgres;
    }

    /**
     * Starts (or restarts) the database kept in {@code dataDirectory}.
     *
     * @throws IllegalStateException when another live process owns the directory (nothing is touched)
     */
    public static EmbeddedDatabase start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dataDirectory, e);
        }
        DirectoryOwnerLock owner = DirectoryOwnerLock.take(dataDirectory);
        try {
            OrphanedPostmaster.stopIfAny(dataDirectory);
            return new EmbeddedDatabase(owner, EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start());
        } catch (IOException e) {
            owner.close();
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + dataDirectory, e);
        } catch (RuntimeException e) {
            owner.close();
            throw e;
        }
    }

    /**
     * Starts the service's own embedded database ({@code $LETHE_DATA_DIR/<service>/postgres}) and points
     * Quarkus at it, unless a JDBC URL is configured; it stops when the JVM does.
     */
    public static void startUnlessConfigured(String service) {
        if (System.getProperty("quarkus.datasource.jdbc.url") != null || System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            return;
        }
        EmbeddedDatabase database = start(DataDirectory.of(service, "postgres"));
        database.datasourceConfig().forEach(System::setProperty);
        Runtime.getRuntime().addShutdownHook(new Thread(database::close, "embedded-postgres-stop"));
    }

    /** The Quarkus datasource settings that point at this database. */
    public Map<String, String> datasourceConfig() {
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void close() {
        try (owner) {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
