package org.lethe.evidence.signature;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PemKeyFilesTest {

    @TempDir
    Path dir;

    @Test
    void privateKeyRoundTripsThroughOwnerOnlyPemFile() throws IOException {
        Ed25519KeyPair keyPair = Ed25519KeyPair.generate(new SecureRandom());
        Path file = dir.resolve("subject.key");

        PemKeyFiles.writePrivateKey(file, keyPair);
        Ed25519KeyPair read = PemKeyFiles.readPrivateKey(file);

        assertEquals(keyPair.publicKey(), read.publicKey());
        assertTrue(read.publicKey().verifies(new byte[] {1, 2}, keyPair.sign(new byte[] {1, 2})));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    @Test
    void publicKeyRoundTripsThroughPem() {
        Ed25519PublicKey publicKey = Ed25519KeyPair.generate(new SecureRandom()).publicKey();

        assertEquals(publicKey, PemKeyFiles.parsePublicKey(PemKeyFiles.publicKeyPem(publicKey)));
    }

    @Test
    void refusesToOverwriteAnExistingPrivateKeyFile() throws IOException {
        Path file = dir.resolve("subject.key");
        Files.writeString(file, "keep me");

        assertThrows(FileAlreadyExistsException.class,
                () -> PemKeyFiles.writePrivateKey(file, Ed25519KeyPair.generate(new SecureRandom())));
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void rejectsPublicKeyWhereAPrivateKeyIsExpected() {
        String publicPem = PemKeyFiles.publicKeyPem(Ed25519KeyPair.generate(new SecureRandom()).publicKey());

        InvalidKeyFileException error = assertThrows(InvalidKeyFileException.class,
                () -> PemKeyFiles.parsePrivateKey(publicPem));
        assertTrue(error.getMessage().contains("expected a PEM PRIVATE KEY"), error.getMessage());
    }

    @Test
    void rejectsTextWithoutPemBlock() {
        InvalidKeyFileException error = assertThrows(InvalidKeyFileException.class,
                () -> PemKeyFiles.parsePublicKey("not a key"));
        assertTrue(error.getMessage().contains("no PEM block"), error.getMessage());
    }
}
