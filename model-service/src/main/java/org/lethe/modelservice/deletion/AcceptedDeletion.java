package org.lethe.modelservice.deletion;

import org.lethe.evidence.hash.Bytes32;

import java.time.Instant;
import java.util.List;

/**
 * A deletion request that passed every check and waits for its group commit.
 *
 * @param requestId         SHA-256 of the canonical signed request
 * @param subjectId         the requesting subject
 * @param nonce             the subject's nonce
 * @param contributionRoots the contributions to delete
 * @param contributionsRoot the root recorded on the ledger
 * @param requestedAt       the subject's time
 * @param receivedAt        when the service accepted it
 * @param document          the canonical signed request
 */
record AcceptedDeletion(Bytes32 requestId, Bytes32 subjectId, String nonce, List<Bytes32> contributionRoots,
                        Bytes32 contributionsRoot, Instant requestedAt, Instant receivedAt, String document) {
}
