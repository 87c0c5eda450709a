package org.lethe.ledger.record;

import org.lethe.evidence.hash.Bytes32;

/**
 * Deletion requests anchored together as one Merkle root (see {@link DeletionBatchTree}).
 *
 * @param batchRoot root over the requests' batch leaves
 * @param count     number of requests in the batch
 */
public record DeletionBatch(Bytes32 batchRoot, int count) {
}
