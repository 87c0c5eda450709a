package org.lethe.service.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Exclusive ownership of a database directory by one live process, held in a file beside it. The operating system
 * lets go of it when its holder dies, however it dies, so a lock that can be taken means nobody alive owns the
 * directory, and whatever still runs on it was left behind.
 */
final class DirectoryOwnerLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryOwnerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException when a live process (this one included) owns the directory */
    static DirectoryOwnerLock take(Path dataDirectory) {
        Path file = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".owner");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IllegalStateException(inUse(dataDirectory));
            }
            return new DirectoryOwnerLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new IllegalStateException(inUse(dataDirectory), e);
        } catch (IllegalStateException e) {
            closeQuietly(channel);
            throw e;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    private static String inUse(Path dataDirectory) {
        return "the database in " + dataDirectory + " is in use by another running process; stop it first, or give "
                + "this one its own LETHE_DATA_DIR";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock was not taken; nothing else holds this channel
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
