package org.lethe.auditor.rules;

import org.lethe.auditor.timeline.BatchProgress;
import org.lethe.auditor.timeline.ModelVersion;
import org.lethe.auditor.timeline.RequestTimeline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the rules look at, read once.
 *
 * @param ledgerNow    the time of the newest indexed block: deadlines are judged at ledger time
 * @param deadline     how long a request may take to be executed and verified
 * @param requests     the requests the ledger names
 * @param batches      the batches anchored
 * @param versions     the recorded versions, in chain order
 * @param served       the model service's answer, once asked
 * @param certificates the certificate checks made so far, by request id
 */
public record AuditFacts(Instant ledgerNow, Duration deadline, List<RequestTimeline> requests,
                         List<BatchProgress> batches, List<ModelVersion> versions, Optional<ServedVersionCheck> served,
                         Map<String, CertificateCheck> certificates) {

    public Instant dueBy(Instant clockStart) {
        return clockStart.plus(deadline);
    }
}
