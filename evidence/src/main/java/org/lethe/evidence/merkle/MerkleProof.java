package org.lethe.evidence.merkle;

import org.lethe.evidence.hash.Bytes32;

import java.util.List;

/**
 * An inclusion proof in the form OpenZeppelin's {@code MerkleProof.verify} takes: the leaf and the
 * sibling hashes from the leaf up to the root. Pairs are hashed in sorted order, so no path bits are needed.
 *
 * @param leaf     the 32-byte leaf the proof is for
 * @param siblings sibling hashes, bottom to top
 */
public record MerkleProof(Bytes32 leaf, List<Bytes32> siblings) {
    public MerkleProof {
        siblings = List.copyOf(siblings);
    }
}
