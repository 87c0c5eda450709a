package org.lethe.evidence.merkle;

import org.lethe.evidence.hash.Bytes32;

/** Checks an inclusion proof against a root exactly as OpenZeppelin's {@code MerkleProof.verify} does. */
public final class MerkleProofVerifier {

    private MerkleProofVerifier() {
    }

    /** The root that the proof leads to. */
    public static Bytes32 computeRoot(MerkleProof proof) {
        Bytes32 node = proof.leaf();
        for (Bytes32 sibling : proof.siblings()) {
            node = MerkleTree.hashPair(node, sibling);
        }
        return node;
    }

    /**
     * @throws MerkleProofException naming the root the proof computes and the root expected
     */
    public static void verify(MerkleProof proof, Bytes32 expectedRoot) {
        Bytes32 computed = computeRoot(proof);
        if (!computed.equals(expectedRoot)) {
            throw new MerkleProofException("proof for leaf " + proof.leaf() + " computes root " + computed
                    + ", expected " + expectedRoot);
        }
    }
}
