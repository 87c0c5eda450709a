package org.lethe.auditor.audit;

import org.lethe.auditor.rules.AuditFacts;
import org.lethe.auditor.rules.AuditRule;
import org.lethe.auditor.rules.RuleBook;
import org.lethe.auditor.rules.ServedVersionCheck;
import org.lethe.auditor.rules.Violation;
import org.lethe.auditor.timeline.BatchProgress;
import org.lethe.auditor.timeline.RequestStatus;
import org.lethe.auditor.timeline.RequestTimeline;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit in counts.
 *
 * @param asOf               the ledger time judged at
 * @param requests           requests the ledger names, by status
 * @param batches            batches anchored
 * @param batchedRequests    requests anchored in them
 * @param versions           model versions recorded
 * @param violations         broken rules, by rule id (every rule listed)
 * @param notChecked         rules that could not be checked (a peer did not answer), by rule id, with why
 * @param dueWithinWeek      open requests (not yet verified) whose deadline falls in the next 7 days
 * @param overdue            open requests past their deadline
 * @param servedVersion      the version the model service said it serves, once asked
 * @param certificatesChecked verifications whose certificate the auditor has fetched and compared
 * @param index              how current the view is
 */
public record AuditSummary(Instant asOf, Map<RequestStatus, Long> requests, int batches, long batchedRequests,
                           int versions, Map<String, Long> violations, Map<String, String> notChecked,
                           long dueWithinWeek, long overdue,
                           Optional<String> servedVersion, int certificatesChecked, IndexStatus index) {

    private static final Duration PRESSURE = Duration.ofDays(7);

    /** @param found {@link RuleBook#check} of these facts */
    public static AuditSummary of(AuditFacts facts, List<Violation> found, IndexStatus index) {
        Map<RequestStatus, Long> byStatus = new EnumMap<>(RequestStatus.class);
        for (RequestStatus status : RequestStatus.values()) {
            byStatus.put(status, 0L);
        }
        facts.requests().forEach(request -> byStatus.merge(request.status(), 1L, Long::sum));
        Map<String, Long> violations = new LinkedHashMap<>();
        for (AuditRule rule : RuleBook.rules()) {
            violations.put(rule.id(), found.stream().filter(v -> v.rule().equals(rule.id())).count());
        }
        long dueWithinWeek = 0;
        long overdue = 0;
        for (RequestTimeline request : facts.requests()) {
            if (request.verification().isPresent()) {
                continue;
            }
            Instant due = facts.dueBy(request.clockStart());
            overdue += facts.ledgerNow().isAfter(due) ? 1 : 0;
            dueWithinWeek += !facts.ledgerNow().isAfter(due) && facts.ledgerNow().plus(PRESSURE).isAfter(due) ? 1 : 0;
        }
        return new AuditSummary(facts.ledgerNow(), byStatus, facts.batches().size(),
                facts.batches().stream().mapToLong(BatchProgress::count).sum(), facts.versions().size(), violations,
                RuleBook.notChecked(facts), dueWithinWeek, overdue, facts.served().flatMap(ServedVersionCheck::servedVersion),
                facts.certificates().size(), index);
    }
}
