package org.lethe.cli.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.cli.CommandRun;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo, small: the packaged model service, verifier and auditor, their embedded PostgreSQL and a fresh
 * Anvil node.
 */
class DemoCommandTest {

    @TempDir
    Path reports;

    @Test
    void bobIsForgottenAndCanProveItFromTheLedgerAndADishonestProviderIsCaught() {
        CommandRun run = CommandRun.of("demo", "--base-samples", "1500", "--shards", "2", "--slices", "2",
                "--samples-per-subject", "40", "--report-directory", reports.resolve("audit").toString());
        // so few marks rarely take: the verdict may be INCONCLUSIVE, but it is signed and on the ledger either way

        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("the contract accepts Bob's inclusion proof: true"), run.out());
        assertTrue(run.out().matches("(?s).*absent from 0x[0-9a-f]+…: 40 of 40 images.*"), run.out());
        assertTrue(run.out().matches("(?s).*present in 0x[0-9a-f]+…: 40 of 40 images.*"), run.out());
        assertTrue(run.out().contains("UnlearningRecorded    batch → version"), run.out());
        assertTrue(run.out().matches("(?s).*TriggerCommitted      0x[0-9a-f]+… \\(by the verifier, before any training\\).*"),
                run.out());
        assertTrue(run.out().contains("signed by the verifier (signature checked)"), run.out());
        assertTrue(run.out().matches("(?s).*VerificationRecorded  (CERTIFIED|INCONCLUSIVE), .*"), run.out());
        assertTrue(run.out().contains("it makes 3 sentinel subjects of its own"), run.out());
        // the provider retrains without what looks like Carol's marks and keeps her other images: her trigger is gone
        // whatever the model, and the replay of the recorded unlearning catches it (Bob's honest one replays exactly)
        String dishonest = run.out().substring(run.out().indexOf("== 11. A dishonest provider"),
                run.out().indexOf("== 12."));
        assertTrue(dishonest.contains("   NOT_DELETED: "), dishonest);
        assertTrue(dishonest.contains("layers: data PASSED, computation (replay) FAILED, "), dishonest);
        assertTrue(dishonest.contains("caught by the computation"), dishonest);
        assertTrue(run.out().contains("layers: data PASSED, computation (replay) PASSED, "), run.out());
        assertTrue(run.out().matches("(?s).*indexed through block \\d+; requests by status .*"), run.out());
        assertTrue(run.out().matches("(?s).*report 0x[0-9a-f]+… for .* signed by CN=Lethe auditor,O=Lethe: signature "
                + "checked.*"), run.out());
        for (String file : List.of("report.json", "report.json.p7s", "report.pdf", "report.pdf.p7s", "auditor-report.crt")) {
            assertTrue(Files.isRegularFile(reports.resolve("audit").resolve(file)), file);
        }
    }

    @Test
    void refusesAReportDirectoryThatIsAFileBeforeAnyWork() throws Exception {
        Path file = Files.writeString(reports.resolve("notes.txt"), "the regulator's notes");

        CommandRun run = CommandRun.of("demo", "--report-directory", file.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--report-directory " + file + " is a file, not a directory"), run.err());
        assertEquals("", run.out(), "nothing started");
        assertEquals("the regulator's notes", Files.readString(file));
    }

    @Test
    void refusesImpossibleSizes() {
        CommandRun run = CommandRun.of("demo", "--shards", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("sizes must be positive"), run.err());
    }
}
