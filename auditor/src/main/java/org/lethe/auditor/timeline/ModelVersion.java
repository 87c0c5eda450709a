package org.lethe.auditor.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A recorded model version.
 *
 * @param modelId         its model
 * @param versionHash     its identity
 * @param weightsHash     hash of its parameter files
 * @param trainingSetRoot Merkle root of its training set
 * @param transcriptRoot  root of its training transcript, against which its unlearning replays
 * @param parentVersion   the version it derives from; empty for a model's first
 * @param recordedAt      the recording block's time
 * @param transaction     the recordCheckpoint transaction
 * @param executes        the requests or batch roots it executed, for an unlearnt version
 */
public record ModelVersion(String modelId, String versionHash, String weightsHash, String trainingSetRoot,
                           String transcriptRoot, Optional<String> parentVersion, Instant recordedAt,
                           String transaction, List<String> executes) {
}
