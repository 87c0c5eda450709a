package org.lethe.service.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server left running on a data directory by an owner that is gone. The embedded server stops only
 * from its owner's shutdown hook, so a service killed with SIGKILL leaves it running, holding {@code postmaster.pid},
 * and the next start would fail until someone stopped it by hand. Called only while holding the directory's owner
 * lock, so no live owner can be using it.
 */
final class OrphanedPostmaster {

    /** How long a smart shutdown may take: the killed owner's sessions are gone, so it ends at once in practice. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private OrphanedPostmaster() {
    }

    /**
     * Stops the server {@code postmaster.pid} names when it is a live postgres on this data directory; removes a
     * lock file whose process is gone or is something else (a process id reused after a reboot).
     *
     * @throws IllegalStateException if the orphan does not stop within a minute
     */
    static void stopIfAny(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (Files.notExists(lockFile)) {
                return;
            }
            List<String> lines = Files.readAllLines(lockFile);
            Optional<ProcessHandle> orphan = lines.size() < 2 ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
                    .filter(process -> isPostgres(process) && sameDirectory(Path.of(lines.get(1).trim()), dataDirectory));
            if (orphan.isEmpty()) {
                Files.deleteIfExists(lockFile);
                return;
            }
            stop(orphan.get(), dataDirectory);
        } catch (NumberFormatException e) {
            deleteUnreadable(lockFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + lockFile, e);
        }
    }

    /** SIGTERM is PostgreSQL's smart shutdown: it checkpoints and removes its lock file. */
    private static void stop(ProcessHandle postmaster, Path dataDirectory) {
        postmaster.destroy();
        try {
            postmaster.onExit().get(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("the PostgreSQL server (pid " + postmaster.pid() + ") left running on "
                    + dataDirectory + " by a stopped service did not shut down within " + SHUTDOWN_WAIT.toSeconds()
                    + " s; stop it (pg_ctl stop -D " + dataDirectory + ") and start again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping PostgreSQL pid " + postmaster.pid(), e);
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> Path.of(command).getFileName().toString().equals("postgres"))
                .orElse(false);
    }

    private static boolean sameDirectory(Path named, Path dataDirectory) {
        try {
            return Files.exists(named) && Files.isSameFile(named, dataDirectory);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteUnreadable(Path lockFile) {
        try {
            Files.deleteIfExists(lockFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the unreadable " + lockFile, e);
        }
    }
}
