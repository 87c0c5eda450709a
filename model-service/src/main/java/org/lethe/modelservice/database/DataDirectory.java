package org.lethe.modelservice.database;

import java.nio.file.Path;

/** Where the model service keeps its state: {@code $LETHE_DATA_DIR/model-service}, default {@code ~/.local/share/lethe}. */
public final class DataDirectory {

    private DataDirectory() {
    }

    /** The named part of the service's state (its PostgreSQL, its checkpoints). */
    public static Path of(String part) {
        String root = System.getenv().getOrDefault("LETHE_DATA_DIR",
                Path.of(System.getProperty("user.home"), ".local", "share", "lethe").toString());
        return Path.of(root, "model-service", part);
    }
}
