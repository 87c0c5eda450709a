package org.lethe.ledger.record;

import org.lethe.evidence.hash.Bytes32;

import java.util.Optional;

/**
 * A registered model.
 *
 * @param modelId       the model's identifier
 * @param provider      address of the provider account that registered it
 * @param versionCount  number of versions recorded so far
 * @param latestVersion the most recently recorded version, if any
 */
public record ModelRegistration(Bytes32 modelId, String provider, int versionCount, Optional<Bytes32> latestVersion) {
}
