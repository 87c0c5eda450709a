package org.lethe.evidence.merkle;

/** An inclusion proof that does not lead to the expected root. */
public class MerkleProofException extends RuntimeException {
    public MerkleProofException(String message) {
        super(message);
    }
}
