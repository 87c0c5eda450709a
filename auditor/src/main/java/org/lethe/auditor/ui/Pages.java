package org.lethe.auditor.ui;

import io.quarkus.qute.TemplateData;
import org.lethe.auditor.rules.Violation;
import org.lethe.auditor.timeline.RequestTimeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the auditors' pages show, flattened to text and numbers for the templates. */
final class Pages {

    private Pages() {
    }

    @TemplateData
    record Count(String name, long value) {
    }

    /** A rule that could not be checked, and why. */
    @TemplateData
    record NotChecked(String rule, String reason) {
    }

    @TemplateData
    record RequestRow(String requestId, String subject, String status, String requested, String dueBy, String executed,
                      String verified, boolean overdue) {

        static RequestRow of(RequestTimeline t, Duration deadline, Instant ledgerNow) {
            Instant due = t.clockStart().plus(deadline);
            return new RequestRow(t.requestId(), t.subjectIdHash().orElse(t.anchor().batchRoot().map(root -> "batch " + root)
                    .orElse("")), t.status().name(), time(t.clockStart()), time(due),
                    t.execution().map(e -> time(e.executedAt())).orElse("-"),
                    t.verification().map(v -> time(v.verifiedAt())).orElse("-"),
                    t.verification().isEmpty() && ledgerNow.isAfter(due));
        }
    }

    @TemplateData
    record ViolationRow(String rule, String evidence, List<String> records) {

        static ViolationRow of(Violation violation) {
            return new ViolationRow(violation.rule(), violation.evidence(), violation.records());
        }
    }

    /** One step of a timeline: what happened, when, in which transaction. */
    @TemplateData
    record Step(String what, String when, String transaction, String detail) {
    }

    @TemplateData
    record VersionRow(String versionHash, String modelId, String parent, String recorded, String transaction,
                      int executes, int verified, String meanBefore, String meanAfter) {
    }

    @TemplateData
    record Labelled(String label, String value, String transaction) {
    }

    static String time(Instant instant) {
        return instant.toString().replace('T', ' ').replace("Z", " UTC");
    }
}
