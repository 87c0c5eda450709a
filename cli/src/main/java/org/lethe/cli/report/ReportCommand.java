package org.lethe.cli.report;

import org.lethe.evidence.cms.DetachedSignature;
import org.lethe.evidence.cms.ReportSigningKey;
import org.lethe.evidence.document.DocumentVerificationException;
import org.lethe.evidence.hash.HashAlgorithm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** What a regulator does with an auditor's compliance report: check its signature offline. */
@Command(name = "report", description = "Check an auditor's compliance report.", subcommands = ReportCommand.Verify.class)
public final class ReportCommand {

    @Command(name = "verify", description = "Check a report file (JSON or PDF) against its detached CMS signature (.p7s).")
    static final class Verify implements Callable<Integer> {

        @Parameters(index = "0", description = "The report file.")
        Path report;

        @Parameters(index = "1", description = "Its detached signature (DER).")
        Path signature;

        @Option(names = "--certificate", description = "The auditor's certificate (PEM) the signature must be made with; "
                + "without it, the certificate inside the signature is shown, not trusted.")
        Path certificate;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            byte[] content = Files.readAllBytes(report);
            PrintWriter out = spec.commandLine().getOut();
            try {
                DetachedSignature.Checked checked = DetachedSignature.verify(content, Files.readAllBytes(signature),
                        Optional.ofNullable(certificate).map(this::readCertificate).map(ReportSigningKey::parseCertificate));
                out.println("signature: valid");
                out.println("report sha-256: " + HashAlgorithm.SHA_256.hash(content).toHex());
                out.println("signed by: " + checked.signer() + (certificate == null
                        ? " (not pinned: pass --certificate to require the auditor's certificate)" : " (pinned certificate)"));
                out.println("certificate sha-256: " + checked.certificateSha256());
                checked.signedAt().ifPresent(time -> out.println("signed at: " + time));
                return 0;
            } catch (DocumentVerificationException e) {
                spec.commandLine().getErr().println("signature: INVALID - " + e.getMessage());
                return 1;
            }
        }

        private String readCertificate(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
