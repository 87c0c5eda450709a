package org.lethe.auditor.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.lethe.auditor.rules.Violation;
import org.lethe.auditor.timeline.RequestTimeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A report as PDF: summary, charts, violations, the requests' table, the ledger anchors and how to check them. */
public final class ReportPdf {

    private static final float[] COLUMNS = {0, 90, 160, 250, 340, 430, 465};
    private static final float[] STRATEGY_COLUMNS = {0, 75, 120, 235, 290, 345, 405};

    private ReportPdf() {
    }

    /**
     * @param jsonSha256 the SHA-256 of the report's JSON, which the PDF names so that the two are tied
     */
    public static byte[] bytes(ComplianceReport report, String jsonSha256) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Lethe compliance report " + report.period().from() + " to " + report.period().to());
            info.setCreator("Lethe auditor");
            try (PdfPages pages = new PdfPages(document)) {
                write(pages, report, jsonSha256);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(PdfPages pages, ComplianceReport report, String jsonSha256) {
        ComplianceReport.LedgerAnchors ledger = report.ledger();
        pages.title("Lethe compliance report");
        pages.paragraph("Period: deletion requests whose deadline clock started from " + report.period().from()
                + " up to (not including) " + report.period().to() + ". Generated " + report.generatedAt()
                + ". Deadline applied: " + report.deadline().toDays() + " days from the request.");
        pages.paragraph("This PDF shows the same report as the JSON document with SHA-256 " + jsonSha256
                + "; each file has its own detached CMS signature by the auditor.");

        pages.heading("Summary");
        ComplianceReport.Summary summary = report.summary();
        pages.paragraph("Requests: " + summary.requests() + ". By status: " + summary.byStatus()
                + ". Certified share of verified requests: " + String.format("%.4f", summary.certifiedShare()) + ".");
        pages.paragraph("Violations: " + report.violations().size() + ". By rule: " + summary.violationsByRule() + ".");
        pages.image(ReportCharts.requestsByStatus(summary.byStatus()), 400);
        pages.image(ReportCharts.backdoorSuccessAfterDeletion(report.requests().stream()
                .flatMap(row -> row.timeline().verification().stream())
                .mapToDouble(RequestTimeline.VerificationFigures::backdoorSuccessRate).toArray()), 400);

        pages.heading("Unlearning strategies");
        pages.paragraph("Per strategy recorded with the period's executions: attack success rate (ASR) of the "
                + "subjects' backdoors after the deletion, membership-inference AUC on their samples (0.5 is chance; "
                + "from checked certificates), median time from anchoring to execution, and the layers that failed. "
                + "Forgetting rate, accuracy drop and distance to a retrained model need the models and a test set; "
                + "lethe bench verification measures them.");
        if (report.strategies().isEmpty()) {
            pages.paragraph("No request of the period was executed.");
        } else {
            pages.row(STRATEGY_COLUMNS, List.of("strategy", "verified", "certified / not del. / incon.", "ASR",
                    "MIA AUC", "latency", "failed layers"), true);
        }
        for (StrategyFigures s : report.strategies()) {
            pages.row(STRATEGY_COLUMNS, List.of(s.strategy(), s.verified() + " of " + s.executed(),
                    s.verdicts().get("CERTIFIED") + " / " + s.verdicts().get("NOT_DELETED") + " / "
                            + s.verdicts().get("INCONCLUSIVE"),
                    s.meanAttackSuccessRate().map(rate -> String.format("%.3f", rate)).orElse("-"),
                    s.meanMembershipAuc().map(auc -> String.format("%.3f", auc)).orElse("-"),
                    s.medianExecutionLatency().toSeconds() + " s", failedLayers(s.failedLayers())), false);
        }

        pages.heading("Rules checked");
        report.rules().forEach(rule -> pages.paragraph(rule.id() + ": " + rule.title()
                + rule.notChecked().map(reason -> " NOT CHECKED: " + reason + ".").orElse("")));

        pages.heading("Violations (" + report.violations().size() + ")");
        if (report.violations().isEmpty()) {
            pages.paragraph("None.");
        }
        for (Violation violation : report.violations()) {
            pages.paragraph(violation.rule() + ": " + violation.evidence());
            pages.code(String.join("; ", violation.records()));
        }

        pages.heading("Requests (" + report.requests().size() + ")");
        pages.row(COLUMNS, List.of("request", "status", "requested", "executed", "verified", "probes", "success rate"),
                true);
        for (ComplianceReport.Row row : report.requests()) {
            RequestTimeline t = row.timeline();
            Optional<RequestTimeline.VerificationFigures> v = t.verification();
            pages.row(COLUMNS, List.of(t.requestId().substring(0, 14), row.status().name(), day(t.clockStart()),
                    t.execution().map(e -> day(e.executedAt())).orElse("-"), v.map(f -> day(f.verifiedAt())).orElse("-"),
                    v.map(f -> f.targetHits() + "/" + f.probes()).orElse("-"),
                    v.map(f -> String.format("%.3f", f.backdoorSuccessRate())).orElse("-")), false);
        }

        pages.heading("Ledger anchors");
        pages.paragraph("Chain id " + ledger.chainId() + ", UnlearningLedger contract " + ledger.contract()
                + ", blocks " + ledger.fromBlock() + " to " + ledger.throughBlock() + " (block time "
                + ledger.throughTime() + "). Deadlines are judged at that ledger time."
                + ledger.servedVersionChecked().map(asked -> " The model service said which version it serves at " + asked
                        + ".").orElse(" The model service has not said which version it serves."));
        pages.heading("How to check this report");
        for (String step : HOW_TO_CHECK) {
            pages.paragraph(step);
        }
    }

    /** The steps a regulator takes, also in docs/compliance-report.md. */
    static final List<String> HOW_TO_CHECK = List.of(
            "1. Check the signatures: openssl cms -verify -binary -inform DER -in report.json.p7s -content report.json "
                    + "-CAfile auditor-report.crt -out /dev/null (and the same for report.pdf), or lethe report verify "
                    + "report.json report.json.p7s --certificate auditor-report.crt.",
            "2. Check the JSON against the ledger: for each request, eth_getTransactionReceipt of the transactions named "
                    + "in its timeline on the chain and contract above must show the UnlearningLedger events with the "
                    + "same request id, version and certificate hash.",
            "3. Check a certificate: the verifier's GET /verifications/{requestId} serves the signed certificate whose "
                    + "SHA-256 is the certificateHash recorded on chain.");

    private static String failedLayers(Map<String, Long> failed) {
        String named = failed.entrySet().stream().filter(layer -> layer.getValue() > 0)
                .map(layer -> layer.getKey() + " " + layer.getValue()).collect(Collectors.joining(", "));
        return named.isEmpty() ? "none" : named;
    }

    private static String day(Instant time) {
        return time.toString().substring(0, 16).replace('T', ' ');
    }
}
