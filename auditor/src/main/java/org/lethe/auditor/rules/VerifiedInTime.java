package org.lethe.auditor.rules;

import org.lethe.auditor.timeline.BatchProgress;
import org.lethe.auditor.timeline.RequestTimeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every executed request verified within the deadline. For a batch the ledger shows how many of its
 * requests have a verification; the ones missing are counted, since it cannot name them.
 */
final class VerifiedInTime extends AuditRule {

    VerifiedInTime() {
        super("deadline.verified",
                "Every executed deletion request is verified within the deadline");
    }

    @Override
    public List<Violation> check(AuditFacts facts) {
        List<Violation> violations = new ArrayList<>();
        for (RequestTimeline request : facts.requests()) {
            if (request.execution().isEmpty()) {
                continue;
            }
            Instant due = facts.dueBy(request.clockStart());
            List<String> records = List.of("request " + request.requestId());
            if (request.verification().isPresent()) {
                Instant verifiedAt = request.verification().get().verifiedAt();
                if (verifiedAt.isAfter(due)) {
                    violations.add(violation(records, "requested " + request.clockStart() + ", due " + due
                            + ", verified " + verifiedAt));
                }
            } else if (request.anchor().batchRoot().isEmpty() && facts.ledgerNow().isAfter(due)) {
                violations.add(violation(records, "executed " + request.execution().get().executedAt() + ", due " + due
                        + ", not verified as of " + facts.ledgerNow()));
            }
        }
        for (BatchProgress batch : facts.batches()) {
            Instant due = facts.dueBy(batch.anchoredAt());
            if (batch.execution().isPresent() && batch.verified() < batch.count() && facts.ledgerNow().isAfter(due)) {
                violations.add(violation(List.of("batch " + batch.batchRoot()), (batch.count() - batch.verified())
                        + " of " + batch.count() + " requests not verified as of " + facts.ledgerNow() + ", due " + due
                        + " (batch anchored " + batch.anchoredAt() + ", executed "
                        + batch.execution().get().executedAt() + ")"));
            }
        }
        return violations;
    }
}
