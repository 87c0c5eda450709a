package org.lethe.ledger.record;

import org.lethe.evidence.hash.Bytes32;

import java.time.Instant;

/**
 * A deletion request as anchored on the ledger: hashes only.
 *
 * @param requestId        hash of the subject's signed request
 * @param subjectIdHash    the requesting subject
 * @param contributionRoot root of the contributions to delete
 * @param requestedAt      the request's own time (whole seconds)
 */
public record DeletionRequest(Bytes32 requestId, Bytes32 subjectIdHash, Bytes32 contributionRoot, Instant requestedAt) {
}
