package org.lethe.modelservice.deletion;

import org.lethe.modelservice.outbox.DeletionBatcher;
import org.lethe.modelservice.outbox.LedgerStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A deletion request's receipt and, later, its timeline.
 *
 * @param requestId          SHA-256 of the canonical signed request: its id here and on the ledger
 * @param subjectId          the requesting subject
 * @param contributionRoots  the contributions to delete
 * @param contributionsRoot  the root recorded on the ledger (the one contribution, or a root over several)
 * @param requestedAt        the subject's time
 * @param receivedAt         when the service accepted it
 * @param ledger             the anchoring of its hashes on the ledger (its batch's, when batched)
 * @param batch              the batch root and inclusion proof, when anchored in a batch
 * @param executedVersion    the model version that executed it, once unlearned
 * @param executedAt         when that version was published
 * @param unlearningLedger   the ledger record linking the request to that version
 */
public record DeletionReceipt(String requestId, String subjectId, List<String> contributionRoots,
                              String contributionsRoot, Instant requestedAt, Instant receivedAt, LedgerStatus ledger,
                              Optional<DeletionBatcher.BatchInclusion> batch,
                              Optional<String> executedVersion, Optional<Instant> executedAt,
                              Optional<LedgerStatus> unlearningLedger) {
}
