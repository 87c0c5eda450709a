package org.lethe.auditor.report;

import org.lethe.auditor.rules.Violation;
import org.lethe.auditor.timeline.RequestStatus;
import org.lethe.auditor.timeline.RequestTimeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compliance report for a period: the one model both the JSON and the PDF are made from. Its schema is
 * documented in {@code docs/compliance-report.md}.
 *
 * @param type        {@value #TYPE}
 * @param period      the requests whose deadline clock started in it
 * @param generatedAt when the auditor made it
 * @param ledger      the ledger records it rests on, and how to find them
 * @param deadline    the deadline the rules applied (ISO-8601 duration)
 * @param summary     the counts
 * @param rules       the rules checked
 * @param violations  the broken ones that concern the period's requests, batches and versions
 * @param strategies  per unlearning strategy used in the period, its deletions in the literature's terms
 * @param requests    every request of the period with its timeline
 */
public record ComplianceReport(String type, Period period, Instant generatedAt, LedgerAnchors ledger, Duration deadline,
                               Summary summary, List<Rule> rules, List<Violation> violations,
                               List<StrategyFigures> strategies, List<Row> requests) {

    public static final String TYPE = "lethe-compliance-report/1";

    /** [from, to). */
    public record Period(Instant from, Instant to) {
    }

    /**
     * @param chainId             the chain
     * @param contract            the UnlearningLedger contract
     * @param fromBlock           the first block indexed (the contract's deployment)
     * @param throughBlock        the last block indexed
     * @param throughTime         that block's time: the ledger time deadlines were judged at
     * @param servedVersionChecked when the model service last said which version it serves; empty if it never did
     */
    public record LedgerAnchors(long chainId, String contract, long fromBlock, long throughBlock, Instant throughTime,
                                Optional<Instant> servedVersionChecked) {
    }

    /**
     * @param requests         requests of the period
     * @param byStatus         those by status
     * @param violationsByRule violations by rule id, every rule listed
     * @param certifiedShare   certified / verified, 0 when none was verified
     */
    public record Summary(int requests, Map<RequestStatus, Long> byStatus, Map<String, Long> violationsByRule,
                          double certifiedShare) {
    }

    /**
     * @param notChecked why the rule could not be checked (a peer did not answer); empty when it was
     */
    public record Rule(String id, String title, Optional<String> notChecked) {
    }

    /**
     * @param status   where the request stands
     * @param dueBy    its deadline
     * @param timeline its steps on the ledger
     */
    public record Row(RequestStatus status, Instant dueBy, RequestTimeline timeline) {
    }
}
