package org.lethe.auditor.timeline;

import java.time.Instant;
import java.util.Optional;

/**
 * A batch of deletion requests anchored as one root: how many it holds and how many the verifier has
 * named (with an inclusion proof checked on chain) so far.
 *
 * @param batchRoot   the root
 * @param count       requests in the batch
 * @param anchoredAt  the anchoring block's time: the latest any of its requests can have been made
 * @param transaction the anchoring transaction
 * @param execution   the unlearning that executed the batch, once recorded
 * @param verified    verifications recorded for its requests
 */
public record BatchProgress(String batchRoot, int count, Instant anchoredAt, String transaction,
                            Optional<RequestTimeline.Execution> execution, int verified) {
}
