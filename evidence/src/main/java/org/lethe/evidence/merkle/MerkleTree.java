package org.lethe.evidence.merkle;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;

import java.util.List;

/**
 * A binary Merkle tree over 32-byte leaves whose root and proofs are byte-compatible with
 * OpenZeppelin's {@code MerkleProof}: a parent is {@code keccak256} of its two children in ascending
 * order, and an unpaired last node is carried up a level unchanged.
 *
 * <p>Leaves are taken as given: callers hash their records into leaves with a domain prefix
 * so that no leaf can be mistaken for an inner node (64-byte preimage).
 */
public final class MerkleTree {

    private final MerkleLevels levels;

    private MerkleTree(MerkleLevels levels) {
        this.levels = levels;
    }

    /**
     * Builds the tree over the leaves in the given order.
     *
     * @throws IllegalArgumentException if there are no leaves
     */
    public static MerkleTree build(List<Bytes32> leaves) {
        if (leaves.isEmpty()) {
            throw new IllegalArgumentException("a Merkle tree needs at least one leaf");
        }
        return new MerkleTree(MerkleLevels.build(leaves.toArray(Bytes32[]::new), MerkleTree::hashPair));
    }

    /** OpenZeppelin's commutative pair hash: {@code keccak256(min(a, b) ‖ max(a, b))}. */
    public static Bytes32 hashPair(Bytes32 a, Bytes32 b) {
        return a.compareTo(b) <= 0 ? HashAlgorithm.KECCAK_256.hash(a, b) : HashAlgorithm.KECCAK_256.hash(b, a);
    }

    public Bytes32 root() {
        return levels.top().orElseThrow();
    }

    public int leafCount() {
        return levels.leafCount();
    }

    public Bytes32 leaf(int index) {
        return levels.leaf(checkedIndex(index));
    }

    /** The inclusion proof of the leaf at {@code index}. */
    public MerkleProof proof(int index) {
        return new MerkleProof(levels.leaf(checkedIndex(index)), levels.siblings(index));
    }

    private int checkedIndex(int index) {
        if (index < 0 || index >= leafCount()) {
            throw new IndexOutOfBoundsException("leaf " + index + " of a tree with " + leafCount() + " leaves");
        }
        return index;
    }
}
