package org.lethe.auditor.report;

import org.lethe.auditor.rules.AuditFacts;
import org.lethe.auditor.rules.AuditRule;
import org.lethe.auditor.rules.RuleBook;
import org.lethe.auditor.rules.ServedVersionCheck;
import org.lethe.auditor.rules.Violation;
import org.lethe.auditor.timeline.BatchProgress;
import org.lethe.auditor.timeline.ModelVersion;
import org.lethe.auditor.timeline.RequestStatus;
import org.lethe.auditor.timeline.RequestTimeline;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Makes a period's report out of the audit's facts. */
public final class ReportBuilder {

    private ReportBuilder() {
    }

    /**
     * @param facts   the audit as of now
     * @param period  the requests whose clock started in it, and the batches and versions recorded in it
     * @param anchors the ledger it rests on
     */
    public static ComplianceReport build(AuditFacts facts, ComplianceReport.Period period,
                                         ComplianceReport.LedgerAnchors anchors, Instant generatedAt) {
        List<RequestTimeline> requests = facts.requests().stream()
                .filter(request -> within(request.clockStart(), period)).toList();
        Set<String> records = new HashSet<>();
        requests.forEach(request -> records.add("request " + request.requestId()));
        facts.batches().stream().filter(batch -> within(batch.anchoredAt(), period))
                .map(BatchProgress::batchRoot).forEach(root -> records.add("batch " + root));
        facts.versions().stream().filter(version -> within(version.recordedAt(), period))
                .map(ModelVersion::versionHash).forEach(version -> records.add("version " + version));
        boolean servedAskedInPeriod = facts.served().map(ServedVersionCheck::checkedAt)
                .filter(checked -> within(checked, period)).isPresent();
        List<Violation> violations = RuleBook.check(facts).stream()
                .filter(violation -> violation.records().stream().anyMatch(records::contains)
                        || servedAskedInPeriod && violation.rule().equals("version.served-latest"))
                .toList();

        Map<RequestStatus, Long> byStatus = new EnumMap<>(RequestStatus.class);
        for (RequestStatus status : RequestStatus.values()) {
            byStatus.put(status, requests.stream().filter(request -> request.status() == status).count());
        }
        Map<String, Long> byRule = new LinkedHashMap<>();
        for (AuditRule rule : RuleBook.rules()) {
            byRule.put(rule.id(), violations.stream().filter(violation -> violation.rule().equals(rule.id())).count());
        }
        long verified = requests.stream().filter(request -> request.verification().isPresent()).count();
        double certifiedShare = verified == 0 ? 0 : (double) byStatus.get(RequestStatus.CERTIFIED) / verified;
        return new ComplianceReport(ComplianceReport.TYPE, period, generatedAt, anchors, facts.deadline(),
                new ComplianceReport.Summary(requests.size(), byStatus, byRule, certifiedShare),
                RuleBook.rules().stream().map(rule -> new ComplianceReport.Rule(rule.id(), rule.title(),
                        rule.notChecked(facts))).toList(),
                violations, StrategyFigures.of(requests, facts.certificates()),
                requests.stream().map(request -> new ComplianceReport.Row(request.status(),
                        facts.dueBy(request.clockStart()), request)).toList());
    }

    private static boolean within(Instant time, ComplianceReport.Period period) {
        return !time.isBefore(period.from()) && time.isBefore(period.to());
    }
}
