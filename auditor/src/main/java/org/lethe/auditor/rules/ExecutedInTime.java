package org.lethe.auditor.rules;

import org.lethe.auditor.timeline.BatchProgress;
import org.lethe.auditor.timeline.RequestTimeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every request executed by a recorded version within the deadline. A batch is judged as a whole from its
 * anchoring, since the ledger does not name its requests until they are verified.
 */
final class ExecutedInTime extends AuditRule {

    ExecutedInTime() {
        super("deadline.executed",
                "Every deletion request is executed by a recorded model version within the deadline");
    }

    @Override
    public List<Violation> check(AuditFacts facts) {
        List<Violation> violations = new ArrayList<>();
        for (RequestTimeline request : facts.requests()) {
            if (request.anchor().batchRoot().isEmpty()) {
                late(facts, request.clockStart(), request.execution().map(RequestTimeline.Execution::executedAt))
                        .ifPresent(evidence -> violations.add(violation(List.of("request " + request.requestId()),
                                evidence)));
            }
        }
        for (BatchProgress batch : facts.batches()) {
            late(facts, batch.anchoredAt(), batch.execution().map(RequestTimeline.Execution::executedAt))
                    .ifPresent(evidence -> violations.add(violation(List.of("batch " + batch.batchRoot()),
                            evidence + " (" + batch.count() + " requests, clock from the batch's anchoring)")));
        }
        return violations;
    }

    private static Optional<String> late(AuditFacts facts, Instant start, Optional<Instant> executedAt) {
        Instant due = facts.dueBy(start);
        if (executedAt.isPresent()) {
            return executedAt.get().isAfter(due)
                    ? Optional.of("requested " + start + ", due " + due + ", executed " + executedAt.get())
                    : Optional.empty();
        }
        return facts.ledgerNow().isAfter(due)
                ? Optional.of("requested " + start + ", due " + due + ", not executed as of " + facts.ledgerNow())
                : Optional.empty();
    }
}
