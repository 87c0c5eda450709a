package org.lethe.cli.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.cli.CommandRun;
import org.lethe.evidence.cms.DetachedSignature;
import org.lethe.evidence.cms.ReportSigningKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportVerifyCommandTest {

    @TempDir
    Path directory;

    @Test
    void aSignedReportChecksAgainstThePinnedCertificateAndAChangedOneDoesNot() throws IOException {
        byte[] content = "{\"type\":\"lethe-compliance-report/1\"}".getBytes(StandardCharsets.UTF_8);
        ReportSigningKey auditor = ReportSigningKey.generate("CN=Lethe auditor", new SecureRandom());
        Path report = Files.write(directory.resolve("report.json"), content);
        Path signature = Files.write(directory.resolve("report.json.p7s"), DetachedSignature.sign(content, auditor));
        Path certificate = Files.writeString(directory.resolve("auditor.crt"),
                ReportSigningKey.certificatePem(auditor.certificate()));

        CommandRun valid = CommandRun.of("report", "verify", report.toString(), signature.toString(),
                "--certificate", certificate.toString());
        assertEquals(0, valid.exitCode(), valid.err());
        assertTrue(valid.out().contains("signature: valid"), valid.out());
        assertTrue(valid.out().contains("signed by: CN=Lethe auditor (pinned certificate)"), valid.out());

        Path other = Files.writeString(directory.resolve("other.crt"), ReportSigningKey.certificatePem(
                ReportSigningKey.generate("CN=Someone else", new SecureRandom()).certificate()));
        CommandRun foreign = CommandRun.of("report", "verify", report.toString(), signature.toString(),
                "--certificate", other.toString());
        assertEquals(1, foreign.exitCode());
        assertTrue(foreign.err().contains("not by the pinned certificate"), foreign.err());

        content[5] ^= 1;
        Files.write(report, content);
        CommandRun changed = CommandRun.of("report", "verify", report.toString(), signature.toString());
        assertEquals(1, changed.exitCode());
        assertTrue(changed.err().startsWith("signature: INVALID"), changed.err());

        Path absent = directory.resolve("nowhere.p7s");
        CommandRun missing = CommandRun.of("report", "verify", report.toString(), absent.toString());
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().startsWith("lethe: ") && missing.err().contains(absent.toString()), missing.err());
    }
}
