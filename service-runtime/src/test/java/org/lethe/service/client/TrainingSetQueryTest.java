package org.lethe.service.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.evidence.merkle.MerkleProofException;
import org.lethe.evidence.merkle.SetMembershipProof;
import org.lethe.evidence.merkle.SortedSetTree;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The training-set question against a model service that answers from a real sorted-set tree, honestly or with
 * the answers changed on the way: a proof of another sample than the one asked, or fewer answers than questions,
 * is refused, however valid each proof is against the root.
 */
class TrainingSetQueryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Bytes32> TRAINING_SET = IntStream.range(0, 3_000).mapToObj(TrainingSetQueryTest::hash).toList();
    private static final SortedSetTree TREE = SortedSetTree.of(TRAINING_SET);

    private HttpServer server;
    private final List<Integer> questionSizes = new ArrayList<>();
    private UnaryOperator<ObjectNode> change = UnaryOperator.identity();

    @BeforeEach
    void startService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            JsonNode question = JSON.readTree(exchange.getRequestBody());
            questionSizes.add(question.get("samples").size());
            byte[] body = change.apply(honestAnswer(question)).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopService() {
        server.stop(0);
    }

    @Test
    void anHonestAnswerIsCountedAndALongQuestionIsAskedInParts() throws Exception {
        List<Bytes32> asked = new ArrayList<>(TRAINING_SET.subList(0, 2_400));
        asked.addAll(IntStream.range(10_000, 10_100).mapToObj(TrainingSetQueryTest::hash).toList());

        TrainingSetQuery.Proven proven = query().prove("v", asked, TREE.root());

        assertEquals(new TrainingSetQuery.Proven(2_400, 100), proven);
        assertEquals(List.of(1_000, 1_000, 500), questionSizes);
    }

    @Test
    void aValidProofOfAnotherSampleCountsForNothing() {
        Bytes32 member = TRAINING_SET.get(0);
        Bytes32 absent = hash(20_000);
        // the service answers about the absent sample with the member's (valid) proof
        change = answer -> {
            ((ObjectNode) answer.get("samples").get(1)).setAll((ObjectNode) answer.get("samples").get(0).deepCopy());
            return answer;
        };

        MerkleProofException refused = assertThrows(MerkleProofException.class,
                () -> query().prove("v", List.of(member, absent), TREE.root()));

        assertEquals("asked about " + absent + ", the answer proves " + member, refused.getMessage());
    }

    @Test
    void anAnswerThatLeavesSamplesOutIsRefused() {
        change = answer -> {
            ((ArrayNode) answer.get("samples")).remove(2);
            return answer;
        };

        MerkleProofException refused = assertThrows(MerkleProofException.class,
                () -> query().prove("v", TRAINING_SET.subList(0, 3), TREE.root()));

        assertEquals("asked about 3 samples, the answer holds 2", refused.getMessage());
    }

    private TrainingSetQuery query() {
        return new TrainingSetQuery(new ServiceClient("http://127.0.0.1:" + server.getAddress().getPort(),
                Optional.empty()));
    }

    /** What the model service answers: membership or absence proofs from the tree, in the order asked. */
    private static ObjectNode honestAnswer(JsonNode question) {
        ObjectNode answer = JSON.createObjectNode().put("setSize", TREE.size());
        ArrayNode samples = answer.putArray("samples");
        for (JsonNode asked : question.get("samples")) {
            Bytes32 sample = Bytes32.fromHex(asked.asText());
            ObjectNode node = samples.addObject().put("sampleHash", sample.toHex());
            Optional<SetMembershipProof> inclusion = TREE.inclusion(sample);
            node.put("member", inclusion.isPresent());
            if (inclusion.isPresent()) {
                node.set("inclusion", position(inclusion.get()));
            } else {
                TREE.absence(sample).below().ifPresent(below -> node.set("below", position(below)));
                TREE.absence(sample).above().ifPresent(above -> node.set("above", position(above)));
            }
        }
        return answer;
    }

    private static ObjectNode position(SetMembershipProof proof) {
        ObjectNode node = JSON.createObjectNode().put("value", proof.value().toHex()).put("index", proof.index());
        ArrayNode siblings = node.putArray("siblings");
        proof.siblings().forEach(sibling -> siblings.add(sibling.toHex()));
        return node;
    }

    private static Bytes32 hash(int i) {
        return HashAlgorithm.SHA_256.hash(("sample " + i).getBytes(StandardCharsets.UTF_8));
    }
}
