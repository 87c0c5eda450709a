package org.lethe.evidence.merkle;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;

import java.util.ArrayList;
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

    private final List<Bytes32[]> levels;

    private MerkleTree(List<Bytes32[]> levels) {
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
        List<Bytes32[]> levels = new ArrayList<>();
        Bytes32[] level = leaves.toArray(Bytes32[]::new);
        levels.add(level);
        while (level.length > 1) {
            Bytes32[] parents = new Bytes32[(level.length + 1) / 2];
            for (int i = 0; i < parents.length; i++) {
                int left = 2 * i;
                parents[i] = left + 1 < level.length ? hashPair(level[left], level[left + 1]) : level[left];
            }
            levels.add(parents);
            level = parents;
        }
        return new MerkleTree(levels);
    }

    /** OpenZeppelin's commutative pair hash: {@code keccak256(min(a, b) ‖ max(a, b))}. */
    public static Bytes32 hashPair(Bytes32 a, Bytes32 b) {
        return a.compareTo(b) <= 0 ? HashAlgorithm.KECCAK_256.hash(a, b) : HashAlgorithm.KECCAK_256.hash(b, a);
    }

    public Bytes32 root() {
        return levels.get(levels.size() - 1)[0];
    }

    public int leafCount() {
        return levels.get(0).length;
    }

    public Bytes32 leaf(int index) {
        return levels.get(0)[checkedIndex(index)];
    }

    /** The inclusion proof of the leaf at {@code index}. */
    public MerkleProof proof(int index) {
        int position = checkedIndex(index);
        List<Bytes32> siblings = new ArrayList<>();
        for (int depth = 0; depth < levels.size() - 1; depth++) {
            Bytes32[] level = levels.get(depth);
            int sibling = position ^ 1;
            if (sibling < level.length) {
                siblings.add(level[sibling]);
            }
            position /= 2;
        }
        return new MerkleProof(levels.get(0)[index], siblings);
    }

    private int checkedIndex(int index) {
        if (index < 0 || index >= leafCount()) {
            throw new IndexOutOfBoundsException("leaf " + index + " of a tree with " + leafCount() + " leaves");
        }
        return index;
    }
}
