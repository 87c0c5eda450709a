package org.lethe.service.process;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScratchDirectoryTest {

    @Test
    void closingRemovesTheDirectoryWithEverythingUnderIt() throws Exception {
        Path path;
        try (ScratchDirectory scratch = ScratchDirectory.create("lethe-scratch-test")) {
            path = scratch.path();
            Files.writeString(Files.createDirectories(path.resolve("postgres/base")).resolve("file"), "data");
            Files.writeString(path.resolve("model.params"), "weights");
            assertTrue(Files.isDirectory(path));
            assertTrue(path.getFileName().toString().startsWith("lethe-scratch-test"));
        }
        assertFalse(Files.exists(path));
    }

    @Test
    void closingTwiceIsHarmless() {
        ScratchDirectory scratch = ScratchDirectory.create("lethe-scratch-test");
        scratch.close();
        scratch.close();
        assertFalse(Files.exists(scratch.path()));
    }
}
