package org.lethe.service.database;

import java.nio.file.Path;

/** Where a Lethe service keeps its state: {@code $LETHE_DATA_DIR/<service>}, default {@code ~/.local/share/lethe}. */
public final class DataDirectory {

    private DataDirectory() {
    }

    /** The named part of a service's state (its PostgreSQL, its checkpoints). */
    public static Path of(String service, String part) {
        String root = System.getenv().getOrDefault("LETHE_DATA_DIR",
                Path.of(System.getProperty("user.home"), ".local", "share", "lethe").toString());
        return Path.of(root, service, part);
    }
}
