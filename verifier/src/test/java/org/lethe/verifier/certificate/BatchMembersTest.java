package org.lethe.verifier.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ledger.record.DeletionBatchTree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model service's list of a batch counts only if it rebuilds the root on chain. */
class BatchMembersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<BatchMembers.Member> members = IntStream.range(0, 3)
            .mapToObj(i -> new BatchMembers.Member(id("request " + i), id("subject " + i))).toList();
    private final Bytes32 root = DeletionBatchTree.of(members.stream().map(BatchMembers.Member::requestId).toList())
            .batch().batchRoot();

    @Test
    void membersInLeafOrderAreTakenWithTheirSubjects() {
        assertEquals(members, BatchMembers.checked(root, listing(members)));
    }

    @Test
    void aListLeavingOutOrAddingMembersIsRefused() {
        List<BatchMembers.Member> added = new ArrayList<>(members);
        added.add(new BatchMembers.Member(id("request 3"), id("subject 3")));
        for (List<BatchMembers.Member> wrong : List.of(members.subList(0, 2), added)) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> BatchMembers.checked(root, listing(wrong)));
            assertTrue(refused.getMessage().contains("rebuild root"), refused.getMessage());
        }
    }

    @Test
    void aMalformedListIsRefusedNamingTheFault() {
        assertThrows(IllegalArgumentException.class, () -> BatchMembers.checked(root, listing(List.of())));
        JsonNode noSubject = JSON.valueToTree(Map.of("members", List.of(Map.of("requestId", members.get(0).requestId().toHex()))));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BatchMembers.checked(root, noSubject));
        assertTrue(refused.getMessage().contains("hex digits"), refused.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> BatchMembers.checked(root, listing(List.of(members.get(0), members.get(0)))));
        assertTrue(twice.getMessage().contains("twice"), twice.getMessage());
    }

    private static JsonNode listing(List<BatchMembers.Member> members) {
        return JSON.valueToTree(Map.of("members", members.stream().map(member -> Map.of(
                "requestId", member.requestId().toHex(), "subjectId", member.subjectId().toHex())).toList()));
    }

    private static Bytes32 id(String text) {
        return HashAlgorithm.SHA_256.hash(text.getBytes());
    }
}
