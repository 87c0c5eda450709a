package org.lethe.evidence.merkle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SortedSetTreeTest {

    @ParameterizedTest(name = "{0} members")
    @ValueSource(ints = {1, 2, 3, 5, 8, 13, 100})
    void everyMemberProvesMembershipAndEveryGapProvesAbsence(int count) {
        List<Bytes32> members = MerkleTreeTest.leaves(count);
        SortedSetTree tree = SortedSetTree.of(members);

        for (Bytes32 member : members) {
            SortedSetTreeVerifier.verifyMembership(tree.inclusion(member).orElseThrow(), tree.root());
        }
        for (int i = 0; i < 20; i++) {
            Bytes32 outsider = HashAlgorithm.SHA_256.hash(new byte[] {(byte) i, 77});
            SortedSetTreeVerifier.verifyAbsence(tree.absence(outsider), tree.root());
        }
    }

    @Test
    void theRootCommitsToOrderFreeContentAndSize() {
        List<Bytes32> members = MerkleTreeTest.leaves(6);
        List<Bytes32> shuffled = new ArrayList<>(members);
        Collections.reverse(shuffled);

        assertEquals(SortedSetTree.of(members).root(), SortedSetTree.of(shuffled).root());
        assertNotEquals(SortedSetTree.of(members).root(), SortedSetTree.of(members.subList(0, 5)).root());
    }

    @Test
    void aMemberCannotBeProvenAbsentBySkippingIt() {
        List<Bytes32> members = MerkleTreeTest.leaves(9);
        SortedSetTree tree = SortedSetTree.of(members);
        List<Bytes32> sorted = members.stream().sorted().toList();
        Bytes32 hidden = sorted.get(4);

        assertThrows(IllegalArgumentException.class, () -> tree.absence(hidden));
        SetAbsenceProof forged = new SetAbsenceProof(hidden, 9, tree.inclusion(sorted.get(3)), tree.inclusion(sorted.get(5)));
        MerkleProofException error = assertThrows(MerkleProofException.class,
                () -> SortedSetTreeVerifier.verifyAbsence(forged, tree.root()));
        assertTrue(error.getMessage().contains("not adjacent"), error.getMessage());
    }

    @Test
    void proofsDoNotTransferToAnotherRootOrIndex() {
        List<Bytes32> members = MerkleTreeTest.leaves(7);
        SortedSetTree tree = SortedSetTree.of(members);
        SetMembershipProof proof = tree.inclusion(members.get(2)).orElseThrow();

        assertThrows(MerkleProofException.class,
                () -> SortedSetTreeVerifier.verifyMembership(proof, SortedSetTree.of(members.subList(0, 6)).root()));
        assertThrows(MerkleProofException.class, () -> SortedSetTreeVerifier.verifyMembership(
                new SetMembershipProof(proof.value(), (proof.index() + 1) % 7, 7, proof.siblings()), tree.root()));
        assertThrows(MerkleProofException.class, () -> SortedSetTreeVerifier.verifyMembership(
                new SetMembershipProof(proof.value(), proof.index(), 8, proof.siblings()), tree.root()));
    }

    @Test
    void emptySetProvesEveryAbsence() {
        SortedSetTree empty = SortedSetTree.of(List.of());
        Bytes32 value = HashAlgorithm.SHA_256.hash(new byte[] {1});

        SortedSetTreeVerifier.verifyAbsence(empty.absence(value), empty.root());
        assertEquals(Optional.empty(), empty.inclusion(value));
    }
}
