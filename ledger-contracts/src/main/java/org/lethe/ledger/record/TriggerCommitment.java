package org.lethe.ledger.record;

import org.lethe.evidence.hash.Bytes32;

/**
 * The verifier's commitment to a subject's secret trigger.
 *
 * @param subjectIdHash the subject
 * @param commitment    H(trigger spec ‖ salt)
 * @param rotation      0 for the first commitment, incremented by every rotation
 */
public record TriggerCommitment(Bytes32 subjectIdHash, Bytes32 commitment, int rotation) {
}
