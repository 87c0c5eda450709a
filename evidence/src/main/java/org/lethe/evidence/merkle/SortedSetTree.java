package org.lethe.evidence.merkle;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A Merkle tree over a sorted set of 32-byte values that proves both membership and absence. Unlike
 * {@link MerkleTree} (OpenZeppelin's order-free pairs) it hashes children in position order, and its
 * root commits to the set's size, so a proof fixes a leaf's index: two leaves at neighbouring indices
 * with {@code a < x < b} show that {@code x} is not in the set.
 *
 * <p>Leaf: {@code SHA-256(0x00 ‖ value)}; node: {@code SHA-256(0x01 ‖ left ‖ right)}, an unpaired last
 * node carried up; root: {@code SHA-256(0x02 ‖ size as 8 bytes ‖ top)}. The empty set's root is that of
 * size 0 over 32 zero bytes.
 */
public final class SortedSetTree {

    static final byte LEAF = 0x00;
    static final byte NODE = 0x01;
    static final byte ROOT = 0x02;

    private final List<Bytes32> values;
    private final MerkleLevels levels;

    private SortedSetTree(List<Bytes32> values, MerkleLevels levels) {
        this.values = values;
        this.levels = levels;
    }

    /** The tree over the distinct values, sorted as unsigned bytes. */
    public static SortedSetTree of(Collection<Bytes32> values) {
        List<Bytes32> sorted = List.copyOf(new TreeSet<>(values));
        return new SortedSetTree(sorted, MerkleLevels.build(
                sorted.stream().map(SortedSetTree::leafHash).toArray(Bytes32[]::new), SortedSetTree::nodeHash));
    }

    public Bytes32 root() {
        return rootHash(values.size(), levels.top().orElse(Bytes32.ZERO));
    }

    public int size() {
        return values.size();
    }

    /** The inclusion proof of a value, if it is in the set. */
    public Optional<SetMembershipProof> inclusion(Bytes32 value) {
        int index = Collections.binarySearch(values, value);
        return index < 0 ? Optional.empty() : Optional.of(proofAt(index));
    }

    /**
     * The proof that a value is absent: its neighbours in the sorted set (one of them missing at the ends).
     *
     * @throws IllegalArgumentException if the value is in the set
     */
    public SetAbsenceProof absence(Bytes32 value) {
        int search = Collections.binarySearch(values, value);
        if (search >= 0) {
            throw new IllegalArgumentException(value + " is in the set");
        }
        int insertion = -search - 1;
        Optional<SetMembershipProof> below = insertion == 0 ? Optional.empty() : Optional.of(proofAt(insertion - 1));
        Optional<SetMembershipProof> above = insertion == values.size() ? Optional.empty() : Optional.of(proofAt(insertion));
        return new SetAbsenceProof(value, values.size(), below, above);
    }

    private SetMembershipProof proofAt(int index) {
        return new SetMembershipProof(values.get(index), index, values.size(), levels.siblings(index));
    }

    static Bytes32 leafHash(Bytes32 value) {
        return HashAlgorithm.SHA_256.hash(new byte[] {LEAF}, value.toArray());
    }

    static Bytes32 nodeHash(Bytes32 left, Bytes32 right) {
        return HashAlgorithm.SHA_256.hash(new byte[] {NODE}, left.toArray(), right.toArray());
    }

    static Bytes32 rootHash(int size, Bytes32 top) {
        return HashAlgorithm.SHA_256.hash(new byte[] {ROOT}, ByteBuffer.allocate(Long.BYTES).putLong(size).array(),
                top.toArray());
    }
}
