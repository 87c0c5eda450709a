package org.lethe.evidence.merkle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MerkleTreeTest {

    @ParameterizedTest(name = "{0} leaves")
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13, 1000})
    void everyLeafProofLeadsToTheRoot(int count) {
        MerkleTree tree = MerkleTree.build(leaves(count));

        for (int i = 0; i < count; i++) {
            MerkleProofVerifier.verify(tree.proof(i), tree.root());
        }
    }

    @Test
    void rootOfTwoLeavesIsTheirSortedKeccakPair() {
        Bytes32 a = HashAlgorithm.KECCAK_256.hash(new byte[] {1});
        Bytes32 b = HashAlgorithm.KECCAK_256.hash(new byte[] {2});
        Bytes32 low = a.compareTo(b) < 0 ? a : b;
        Bytes32 high = low == a ? b : a;

        assertEquals(HashAlgorithm.KECCAK_256.hash(low, high), MerkleTree.build(List.of(a, b)).root());
        assertEquals(MerkleTree.build(List.of(a, b)).root(), MerkleTree.build(List.of(b, a)).root());
    }

    @Test
    void rootOfOneLeafIsTheLeaf() {
        Bytes32 leaf = HashAlgorithm.KECCAK_256.hash(new byte[] {7});

        assertEquals(leaf, MerkleTree.build(List.of(leaf)).root());
    }

    @Test
    void rejectsProofWithATamperedSibling() {
        MerkleTree tree = MerkleTree.build(leaves(9));
        MerkleProof proof = tree.proof(4);
        List<Bytes32> siblings = new ArrayList<>(proof.siblings());
        byte[] tampered = siblings.get(1).toArray();
        tampered[0] ^= 1;
        siblings.set(1, Bytes32.of(tampered));

        MerkleProofException error = assertThrows(MerkleProofException.class,
                () -> MerkleProofVerifier.verify(new MerkleProof(proof.leaf(), siblings), tree.root()));
        assertEquals(true, error.getMessage().contains("expected " + tree.root()), error.getMessage());
    }

    @Test
    void rejectsProofForALeafNotInTheTree() {
        MerkleTree tree = MerkleTree.build(leaves(6));
        MerkleProof stolen = new MerkleProof(HashAlgorithm.KECCAK_256.hash(new byte[] {42}), tree.proof(2).siblings());

        assertThrows(MerkleProofException.class, () -> MerkleProofVerifier.verify(stolen, tree.root()));
    }

    @Test
    void refusesAnEmptyTreeAndOutOfRangeLeaves() {
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.build(List.of()));
        MerkleTree tree = MerkleTree.build(leaves(3));
        assertThrows(IndexOutOfBoundsException.class, () -> tree.proof(3));
    }

    static List<Bytes32> leaves(int count) {
        List<Bytes32> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leaves.add(HashAlgorithm.KECCAK_256.hash(new byte[] {(byte) i, (byte) (i >> 8)}));
        }
        return leaves;
    }
}
