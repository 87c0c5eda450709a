package org.lethe.verifier.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.record.DeletionBatchTree;

import java.util.ArrayList;
import java.util.List;

/**
 * A deletion batch's members as the model service lists them (a batch root on chain names nobody), taken
 * only if their leaves rebuild that root: none left out, none added.
 */
final class BatchMembers {

    /** A request of the batch, and the subject who asked. */
    record Member(Bytes32 requestId, Bytes32 subjectId) {
    }

    private BatchMembers() {
    }

    /**
     * @param listing the model service's {@code GET /deletions/batches/{root}} answer
     * @throws IllegalArgumentException naming what is wrong when the listing is malformed or rebuilds another root
     */
    static List<Member> checked(Bytes32 batchRoot, JsonNode listing) {
        List<Member> members = new ArrayList<>();
        for (JsonNode member : listing.path("members")) {
            members.add(new Member(Bytes32.fromHex(member.path("requestId").asText()),
                    Bytes32.fromHex(member.path("subjectId").asText())));
        }
        Bytes32 rebuilt = DeletionBatchTree.of(members.stream().map(Member::requestId).toList()).batch().batchRoot();
        if (!rebuilt.equals(batchRoot)) {
            throw new IllegalArgumentException("the listed members rebuild root " + rebuilt + ", not " + batchRoot);
        }
        return List.copyOf(members);
    }
}
