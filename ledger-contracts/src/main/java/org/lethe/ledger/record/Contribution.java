package org.lethe.ledger.record;

import org.lethe.evidence.hash.Bytes32;

/**
 * A subject's contribution of training samples.
 *
 * @param contributionRoot Merkle root of the contribution's sample hashes
 * @param subjectIdHash    the contributing subject
 * @param sampleCount      number of samples
 */
public record Contribution(Bytes32 contributionRoot, Bytes32 subjectIdHash, int sampleCount) {
}
