package org.lethe.evidence.merkle;

import org.lethe.evidence.hash.Bytes32;

/** Checks {@link SortedSetTree} proofs against a root alone. */
public final class SortedSetTreeVerifier {

    private SortedSetTreeVerifier() {
    }

    /**
     * @throws MerkleProofException naming what does not hold
     */
    public static void verifyMembership(SetMembershipProof proof, Bytes32 root) {
        if (proof.index() < 0 || proof.index() >= proof.size()) {
            throw new MerkleProofException("index " + proof.index() + " outside a set of " + proof.size());
        }
        Bytes32 node = SortedSetTree.leafHash(proof.value());
        int position = proof.index();
        int levelSize = proof.size();
        int used = 0;
        while (levelSize > 1) {
            int sibling = position ^ 1;
            if (sibling < levelSize) {
                if (used == proof.siblings().size()) {
                    throw new MerkleProofException("proof of " + proof.value() + " is missing siblings");
                }
                Bytes32 other = proof.siblings().get(used++);
                node = (position & 1) == 0 ? SortedSetTree.nodeHash(node, other) : SortedSetTree.nodeHash(other, node);
            }
            position /= 2;
            levelSize = (levelSize + 1) / 2;
        }
        if (used != proof.siblings().size()) {
            throw new MerkleProofException("proof of " + proof.value() + " has " + (proof.siblings().size() - used)
                    + " siblings too many");
        }
        Bytes32 computed = SortedSetTree.rootHash(proof.size(), node);
        if (!computed.equals(root)) {
            throw new MerkleProofException("proof of " + proof.value() + " at index " + proof.index() + " computes root "
                    + computed + ", expected " + root);
        }
    }

    /**
     * @throws MerkleProofException naming what does not hold
     */
    public static void verifyAbsence(SetAbsenceProof proof, Bytes32 root) {
        if (proof.size() == 0) {
            if (!SortedSetTree.rootHash(0, Bytes32.ZERO).equals(root)) {
                throw new MerkleProofException("claims an empty set, but " + root + " is not the empty set's root");
            }
            return;
        }
        proof.below().ifPresent(below -> {
            sameSet(below, proof);
            verifyMembership(below, root);
            if (below.value().compareTo(proof.value()) >= 0) {
                throw new MerkleProofException("lower neighbour " + below.value() + " is not below " + proof.value());
            }
        });
        proof.above().ifPresent(above -> {
            sameSet(above, proof);
            verifyMembership(above, root);
            if (above.value().compareTo(proof.value()) <= 0) {
                throw new MerkleProofException("upper neighbour " + above.value() + " is not above " + proof.value());
            }
        });
        int lowerIndex = proof.below().map(SetMembershipProof::index).orElse(-1);
        int upperIndex = proof.above().map(SetMembershipProof::index).orElse(proof.size());
        if (upperIndex != lowerIndex + 1) {
            throw new MerkleProofException("neighbours at indices " + lowerIndex + " and " + upperIndex
                    + " are not adjacent: a member may lie between them");
        }
    }

    private static void sameSet(SetMembershipProof neighbour, SetAbsenceProof proof) {
        if (neighbour.size() != proof.size()) {
            throw new MerkleProofException("neighbour proof is for a set of " + neighbour.size() + ", not " + proof.size());
        }
    }
}
