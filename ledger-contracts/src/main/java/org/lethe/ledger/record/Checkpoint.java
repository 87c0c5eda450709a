package org.lethe.ledger.record;

import org.lethe.evidence.hash.Bytes32;

import java.util.Optional;

/**
 * A published model version.
 *
 * @param modelId         the model it belongs to
 * @param versionHash     the version's identity
 * @param weightsHash     hash of the shard parameter files, in order
 * @param trainingSetRoot Merkle root of the training set's sample hashes
 * @param transcriptRoot  root of the training transcript a replay is checked against
 * @param parentVersion   the version it derives from; empty for a model's first version
 */
public record Checkpoint(Bytes32 modelId, Bytes32 versionHash, Bytes32 weightsHash, Bytes32 trainingSetRoot,
                         Bytes32 transcriptRoot, Optional<Bytes32> parentVersion) {
}
