package org.lethe.cli.keys;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.cli.CommandRun;
import org.lethe.evidence.signature.PemKeyFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeysCommandTest {

    @TempDir
    Path dir;

    @Test
    void generatesAKeyPairAndShowsTheSameSubjectId() throws IOException {
        CommandRun generated = CommandRun.of("keys", "generate", "--dir", dir.toString());
        String subjectId = PemKeyFiles.readPublicKey(dir.resolve("subject.pub")).id().toHex();

        assertEquals(0, generated.exitCode(), generated.err());
        assertTrue(generated.out().contains("subject id:  " + subjectId), generated.out());
        assertEquals(PemKeyFiles.readPrivateKey(dir.resolve("subject.key")).publicKey(),
                PemKeyFiles.readPublicKey(dir.resolve("subject.pub")));
        CommandRun shown = CommandRun.of("keys", "show", "--key", dir.resolve("subject.key").toString());
        assertTrue(shown.out().contains("subject id: " + subjectId), shown.out());
    }

    @Test
    void refusesToOverwriteExistingKeys() throws IOException {
        CommandRun.of("keys", "generate", "--dir", dir.toString());
        String before = Files.readString(dir.resolve("subject.key"));

        CommandRun again = CommandRun.of("keys", "generate", "--dir", dir.toString());

        assertEquals(1, again.exitCode());
        assertTrue(again.err().contains("refusing to overwrite"), again.err());
        assertEquals(before, Files.readString(dir.resolve("subject.key")));
    }

    @Test
    void showReportsAFileThatHoldsNoKey() throws IOException {
        Path notAKey = Files.writeString(dir.resolve("notes.txt"), "hello");

        CommandRun shown = CommandRun.of("keys", "show", "--key", notAKey.toString());

        assertEquals(1, shown.exitCode());
        assertEquals("lethe: expected a PEM PUBLIC KEY block, found no PEM block", shown.err().strip());
    }
}
