package org.lethe.service.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service killed with SIGKILL leaves its embedded PostgreSQL running: the next start stops that orphan and comes up
 * with the data, where it used to fail on "postmaster.pid already exists". A directory whose owner still runs is
 * refused, and the running server is left alone.
 */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path state;

    @Test
    void aDatabaseWhoseOwnerWasKilledRestartsWithItsData() throws Exception {
        Path directory = state.resolve("postgres");
        Process owner = startOwner(directory);
        long postmaster = postmasterPid(directory);

        owner.destroyForcibly();
        assertTrue(owner.waitFor(30, TimeUnit.SECONDS));
        assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                "the killed owner left its server running");

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(directory)) {
            assertEquals(List.of("written before the kill"), entries(restarted));
            assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                    "the orphaned server was stopped");
        }
        assertTrue(Files.notExists(directory.resolve("postmaster.pid")), "the restarted server stopped cleanly");
    }

    @Test
    void aDirectoryWhoseOwnerStillRunsIsRefusedAndItsServerLeftAlone() throws Exception {
        Path directory = state.resolve("postgres");
        Process owner = startOwner(directory);
        long postmaster = postmasterPid(directory);
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> EmbeddedDatabase.start(directory));

            assertTrue(refused.getMessage().contains("is in use by another running process"), refused.getMessage());
            assertTrue(owner.isAlive());
            assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false));
            assertEquals(postmaster, postmasterPid(directory), "its lock file is untouched");
        } finally {
            owner.destroyForcibly();
            owner.waitFor(30, TimeUnit.SECONDS);
            EmbeddedDatabase.start(directory).close();
        }
    }

    @Test
    void aLockFileLeftFromBeforeARebootWhoseProcessIdNowNamesAnotherProgramIsRemoved() throws Exception {
        Path directory = state.resolve("postgres");
        EmbeddedDatabase.start(directory).close();
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(directory.resolve("postmaster.pid"), other.pid() + "\n" + directory + "\n");

            try (EmbeddedDatabase restarted = EmbeddedDatabase.start(directory)) {
                assertEquals(List.of(), entries(restarted));
            }
            assertTrue(other.isAlive(), "the program that reused the id is left alone");
        } finally {
            other.destroyForcibly();
        }
    }

    private static Process startOwner(Path directory) throws IOException {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                DatabaseOwnerProcess.class.getName(), directory.toString()).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.equals("ready")) {
                return owner;
            }
            said.append(line).append('\n');
        }
        throw new IllegalStateException("the owner process ended before its database was ready:\n" + said);
    }

    private static long postmasterPid(Path directory) throws IOException {
        return Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
    }

    private static List<String> entries(EmbeddedDatabase database) throws SQLException {
        try (Connection connection = DatabaseOwnerProcess.connect(database); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists outbox (entry text primary key)");
            try (ResultSet rows = statement.executeQuery("select entry from outbox order by entry")) {
                List<String> entries = new ArrayList<>();
                while (rows.next()) {
                    entries.add(rows.getString(1));
                }
                return entries;
            }
        }
    }
}
