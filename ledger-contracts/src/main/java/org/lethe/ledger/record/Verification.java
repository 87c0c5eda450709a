package org.lethe.ledger.record;

import org.lethe.evidence.hash.Bytes32;

import java.util.Optional;

/**
 * A recorded verification of one deletion request.
 *
 * @param requestId the request verified
 * @param batchRoot the batch that anchored it, if it was anchored in a batch
 * @param figures   the verifier's figures and verdict
 */
public record Verification(Bytes32 requestId, Optional<Bytes32> batchRoot, VerificationFigures figures) {
}
