package org.lethe.evidence.cms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.evidence.document.DocumentVerificationException;
import org.lethe.evidence.signature.InvalidKeyFileException;
import org.lethe.evidence.testing.OpenSsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DetachedSignatureTest {

    private static final byte[] REPORT = "{\"type\":\"lethe-compliance-report/1\",\"requests\":[]}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    @Test
    void aSignatureChecksAgainstItsContentAndPinnedCertificateOnly() {
        ReportSigningKey key = ReportSigningKey.generate("CN=Lethe auditor test", new SecureRandom());
        byte[] signature = DetachedSignature.sign(REPORT, key);

        DetachedSignature.Checked checked = DetachedSignature.verify(REPORT, signature, Optional.of(key.certificate()));
        assertEquals("CN=Lethe auditor test", checked.signer());
        assertTrue(checked.signedAt().isPresent());

        byte[] changed = REPORT.clone();
        changed[10] ^= 1;
        assertThrows(DocumentVerificationException.class, () -> DetachedSignature.verify(changed, signature, Optional.empty()));
        ReportSigningKey other = ReportSigningKey.generate("CN=Someone else", new SecureRandom());
        DocumentVerificationException foreign = assertThrows(DocumentVerificationException.class,
                () -> DetachedSignature.verify(REPORT, signature, Optional.of(other.certificate())));
        assertTrue(foreign.getMessage().contains("not by the pinned certificate"), foreign.getMessage());
        assertThrows(DocumentVerificationException.class,
                () -> DetachedSignature.verify(REPORT, "not CMS".getBytes(StandardCharsets.UTF_8), Optional.empty()));
    }

    @Test
    void theKeyIsWrittenOnceAndReadBack() throws IOException {
        Path keyFile = directory.resolve("keys/auditor-report.key");
        Path certificateFile = directory.resolve("keys/auditor-report.crt");
        ReportSigningKey created = ReportSigningKey.loadOrCreate(keyFile, certificateFile, "CN=Lethe auditor test");
        ReportSigningKey loaded = ReportSigningKey.loadOrCreate(keyFile, certificateFile, "CN=ignored");

        assertArrayEquals(created.privateKey().getEncoded(), loaded.privateKey().getEncoded());
        assertEquals(created.certificate(), loaded.certificate());
        assertTrue(Files.readString(keyFile).startsWith("-----BEGIN PRIVATE KEY-----"));
        Files.writeString(certificateFile, "garbage");
        assertThrows(InvalidKeyFileException.class, () -> ReportSigningKey.load(keyFile, certificateFile));
    }

    @Test
    void opensslAcceptsTheSignatureAndRefusesAChangedByte() throws IOException {
        assumeTrue(OpenSsl.installed(), "openssl is not installed: the command-line check is skipped");
        ReportSigningKey key = ReportSigningKey.generate("CN=Lethe auditor test", new SecureRandom());
        Path report = Files.write(directory.resolve("report.json"), REPORT);
        Path signature = Files.write(directory.resolve("report.json.p7s"), DetachedSignature.sign(REPORT, key));
        Path certificate = Files.writeString(directory.resolve("auditor.crt"),
                ReportSigningKey.certificatePem(key.certificate()));

        assertEquals(0, OpenSsl.verifyDetached(report, signature, certificate));
        byte[] changed = REPORT.clone();
        changed[10] ^= 1;
        Files.write(report, changed);
        assertNotEquals(0, OpenSsl.verifyDetached(report, signature, certificate));
    }
}
