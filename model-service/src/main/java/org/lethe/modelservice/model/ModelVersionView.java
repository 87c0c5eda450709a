package org.lethe.modelservice.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A published version as answers show it.
 *
 * @param versionHash     SHA-256(weights hash ‖ training-set root ‖ transcript root ‖ parent version)
 * @param number          1 for the first version, then one more each time
 * @param parentVersion   the version it derives from
 * @param weightsHash     SHA-256 over the shards' parameter hashes, in order
 * @param trainingSetRoot Merkle root of the sorted sample hashes it was trained on
 * @param transcriptRoot  root of its training transcript, against which a verifier replays its unlearning
 * @param origin          TRAINING or UNLEARNING
 * @param strategy        how it unlearned, for UNLEARNING
 */
public record ModelVersionView(String versionHash, int number, Optional<String> parentVersion, String weightsHash,
                               String trainingSetRoot, String transcriptRoot, String origin, Optional<String> strategy, Instant createdAt) {

    static ModelVersionView of(ModelVersionEntity version) {
        return new ModelVersionView(version.versionHash, version.number, Optional.ofNullable(version.parentVersion),
                version.weightsHash, version.trainingSetRoot, version.transcriptRoot, version.origin, Optional.ofNullable(version.strategy),
                version.createdAt);
    }
}
