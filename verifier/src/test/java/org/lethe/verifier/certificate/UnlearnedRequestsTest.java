package org.lethe.verifier.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.record.DeletionBatchTree;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.testing.AnvilLedger;
import org.lethe.ledger.testing.AnvilLedgerExtension;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which requests an unlearning covers, read from a real ledger: a request anchored alone with the subject
 * it names on chain; a batch with the members the model service lists, if they rebuild the root.
 */
@ExtendWith(AnvilLedgerExtension.class)
class UnlearnedRequestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LedgerClient provider;

    UnlearnedRequestsTest(AnvilLedger ledger) {
        this.provider = ledger.client(ledger.provider());
    }

    @Test
    void aRequestAnchoredAloneIsCoveredWithTheSubjectItNamesOnChain() {
        BatchMembers.Member request = new BatchMembers.Member(id(), id());
        provider.requestDeletion(new DeletionRequest(request.requestId(), request.subjectId(), id(), Instant.now()));

        assertEquals(List.of(request), new UnlearnedRequests(provider, root -> {
            throw new AssertionError("a request anchored alone needs no listing");
        }).under(request.requestId()));
    }

    @Test
    void aBatchIsCoveredWithTheListedMembersOnlyIfTheyRebuildTheRoot() {
        List<BatchMembers.Member> members = IntStream.range(0, 3).mapToObj(i -> new BatchMembers.Member(id(), id())).toList();
        DeletionBatchTree tree = DeletionBatchTree.of(members.stream().map(BatchMembers.Member::requestId).toList());
        Bytes32 root = tree.batch().batchRoot();
        provider.anchorDeletionBatch(tree.batch());

        assertEquals(members, new UnlearnedRequests(provider, listed(root, members)).under(root));
        assertEquals(List.of(), new UnlearnedRequests(provider, listed(root, members.subList(0, 2))).under(root));
        assertEquals(List.of(), new UnlearnedRequests(provider, unknown -> Optional.empty()).under(root));
    }

    @Test
    void aTargetTheLedgerDoesNotKnowCoversNothing() {
        assertEquals(List.of(), new UnlearnedRequests(provider, root -> Optional.empty()).under(id()));
    }

    /** The model service's answer for {@code root}, listing {@code members}. */
    private static Function<Bytes32, Optional<JsonNode>> listed(Bytes32 root, List<BatchMembers.Member> members) {
        JsonNode listing = JSON.valueToTree(Map.of("batchRoot", root.toHex(), "members", members.stream()
                .map(member -> Map.of("requestId", member.requestId().toHex(), "subjectId", member.subjectId().toHex()))
                .toList()));
        return asked -> asked.equals(root) ? Optional.of(listing) : Optional.empty();
    }

    private static Bytes32 id() {
        return HashAlgorithm.SHA_256.hash(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    }
}
