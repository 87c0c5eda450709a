package org.lethe.modelservice.deletion;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.merkle.MerkleTree;
import org.lethe.evidence.merkle.MerkleProof;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.record.DeletionBatchTree;
import org.lethe.ml.data.Sample;
import org.lethe.modelservice.Await;
import org.lethe.modelservice.ModelServiceTestResources;
import org.lethe.modelservice.TestSubject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(ModelServiceTestResources.class)
class DeletionApiTest {

    @Test
    void signedRequestIsReceiptedAndAnchoredInABatchWithAnInclusionProofTheContractAccepts() {
        TestSubject subject = new TestSubject();
        Bytes32 root = contribute(subject, 10);
        SignedDocument request = subject.deletion(List.of(root));
        Bytes32 requestId = request.hash();

        given().contentType(ContentType.JSON).body(request.toString()).post("/deletions")
                .then().statusCode(202)
                .body("requestId", equalTo(requestId.toHex()))
                .body("subjectId", equalTo(subject.id().toHex()))
                .body("contributionRoots", equalTo(List.of(root.toHex())))
                .body("contributionsRoot", equalTo(root.toHex()));

        JsonPath sent = Await.sent("/deletions/" + requestId.toHex());
        Bytes32 batchRoot = Bytes32.fromHex(sent.getString("batch.batchRoot"));
        List<Bytes32> siblings = sent.<String>getList("batch.proof").stream().map(Bytes32::fromHex).toList();
        LedgerClient ledger = ModelServiceTestResources.ledger().client(ModelServiceTestResources.ledger().outsider());
        assertTrue(ledger.deletionBatch(batchRoot).isPresent());
        assertTrue(ledger.verifiesBatchInclusion(batchRoot, requestId,
                new MerkleProof(DeletionBatchTree.leaf(requestId), siblings)));
    }

    @Test
    void aBurstOfRequestsIsAnchoredInBatchesEachRequestExactlyOnce() {
        TestSubject subject = new TestSubject();
        List<Bytes32> roots = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            roots.add(contribute(subject, 1));
        }
        List<Bytes32> requestIds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            SignedDocument request = subject.signer().sign(subject.deletionPayload(List.of(roots.get(i)), "burst-" + i,
                    Instant.now()));
            given().contentType(ContentType.JSON).body(request.toString()).post("/deletions").then().statusCode(202);
            requestIds.add(request.hash());
        }

        LedgerClient ledger = ModelServiceTestResources.ledger().client(ModelServiceTestResources.ledger().outsider());
        Map<Bytes32, Integer> batches = new HashMap<>();
        for (Bytes32 requestId : requestIds) {
            JsonPath sent = Await.sent("/deletions/" + requestId.toHex());
            Bytes32 batchRoot = Bytes32.fromHex(sent.getString("batch.batchRoot"));
            List<Bytes32> siblings = sent.<String>getList("batch.proof").stream().map(Bytes32::fromHex).toList();
            assertTrue(ledger.verifiesBatchInclusion(batchRoot, requestId,
                    new MerkleProof(DeletionBatchTree.leaf(requestId), siblings)), "request " + requestId);
            batches.merge(batchRoot, 1, Integer::sum);
        }
        int anchoredOnChain = batches.keySet().stream()
                .mapToInt(batchRoot -> ledger.deletionBatch(batchRoot).orElseThrow().value().count()).sum();
        assertTrue(anchoredOnChain >= requestIds.size(), "every request is in an anchored batch");
        assertEquals(requestIds.size(), batches.values().stream().mapToInt(Integer::intValue).sum());

        // each batch lists its members, whose leaves rebuild the root on chain, each with its subject
        for (Bytes32 batchRoot : batches.keySet()) {
            JsonPath listed = given().get("/deletions/batches/" + batchRoot.toHex()).then().statusCode(200)
                    .body("batchRoot", equalTo(batchRoot.toHex())).body("ledger.status", equalTo("SENT"))
                    .extract().jsonPath();
            List<Bytes32> members = listed.<String>getList("members.requestId").stream().map(Bytes32::fromHex).toList();
            assertEquals(batchRoot, DeletionBatchTree.of(members).batch().batchRoot());
            assertEquals(ledger.deletionBatch(batchRoot).orElseThrow().value().count(), members.size());
            for (int i = 0; i < members.size(); i++) {
                if (requestIds.contains(members.get(i))) {
                    assertEquals(subject.id().toHex(), listed.getString("members[" + i + "].subjectId"));
                }
            }
        }
    }

    @Test
    void requestForSeveralContributionsAnchorsTheRootOverThem() {
        TestSubject subject = new TestSubject();
        Bytes32 first = contribute(subject, 3);
        Bytes32 second = contribute(subject, 4);

        String expected = MerkleTree.build(List.of(first, second).stream().sorted().toList()).root().toHex();
        given().contentType(ContentType.JSON).body(subject.deletion(List.of(first, second)).toString())
                .post("/deletions").then().statusCode(202).body("contributionsRoot", equalTo(expected));
    }

    @Test
    void replayedNonceIsRefused() {
        TestSubject subject = new TestSubject();
        Bytes32 root = contribute(subject, 2);
        SignedDocument first = subject.signer().sign(subject.deletionPayload(List.of(root), "nonce-1", Instant.now()));
        given().contentType(ContentType.JSON).body(first.toString()).post("/deletions").then().statusCode(202);

        refused(first.toString(), 409, "replayed-nonce");
        SignedDocument sameNonceLater = subject.signer().sign(
                subject.deletionPayload(List.of(root), "nonce-1", Instant.now().plusSeconds(1)));
        refused(sameNonceLater.toString(), 409, "replayed-nonce");
    }

    @Test
    void aSecondRequestForDataAlreadyRequestedIsPointedAtTheFirstAndStoresNothing() {
        TestSubject subject = new TestSubject();
        Bytes32 requested = contribute(subject, 2);
        Bytes32 other = contribute(subject, 2);
        SignedDocument first = subject.signer().sign(subject.deletionPayload(List.of(requested), "first", Instant.now()));
        given().contentType(ContentType.JSON).body(first.toString()).post("/deletions").then().statusCode(202);

        SignedDocument again = subject.signer().sign(subject.deletionPayload(List.of(requested), "again", Instant.now()));
        refused(again.toString(), 409, "deletion-already-requested")
                .body("detail", containsString("already named by deletion request " + first.hash().toHex()));
        // one already requested contribution refuses the whole request: the other is not stored either
        SignedDocument withAnother = subject.signer().sign(subject.deletionPayload(List.of(other, requested), "both",
                Instant.now()));
        refused(withAnother.toString(), 409, "deletion-already-requested");
        given().get("/deletions/" + again.hash().toHex()).then().statusCode(404);
        given().get("/deletions/" + withAnother.hash().toHex()).then().statusCode(404);

        SignedDocument otherAlone = subject.signer().sign(subject.deletionPayload(List.of(other), "other", Instant.now()));
        given().contentType(ContentType.JSON).body(otherAlone.toString()).post("/deletions").then().statusCode(202);
    }

    @Test
    void requestsForTheSameDataSentTogetherStoreExactlyOne() throws Exception {
        TestSubject subject = new TestSubject();
        Bytes32 root = contribute(subject, 2);
        List<SignedDocument> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(subject.signer().sign(subject.deletionPayload(List.of(root), "together-" + i, Instant.now())));
        }

        List<Integer> statuses = requests.parallelStream().map(request -> given().contentType(ContentType.JSON)
                .body(request.toString()).post("/deletions").statusCode()).toList();

        assertEquals(1, statuses.stream().filter(status -> status == 202).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> DeletionRequestEntity.count(
                "requestId in ?1", requests.stream().map(request -> request.hash().toHex()).toList())));
    }

    @Test
    void aRequestNamingOneContributionTwiceIsRefused() {
        TestSubject subject = new TestSubject();
        Bytes32 root = contribute(subject, 2);

        refused(subject.signer().sign(subject.deletionPayload(List.of(root, root), "twice", Instant.now())).toString(),
                400, "invalid-deletion-request").body("detail", containsString("is named twice"));
    }

    @Test
    void unknownSubjectIsRefused() {
        TestSubject stranger = new TestSubject();

        refused(stranger.deletion(List.of(Bytes32.fromHex("0x" + "11".repeat(32)))).toString(), 404, "unknown-subject");
    }

    @Test
    void deletingAnotherSubjectsDataIsRefused() {
        TestSubject owner = new TestSubject();
        TestSubject other = new TestSubject();
        Bytes32 ownersRoot = contribute(owner, 2);
        contribute(other, 2);

        refused(other.deletion(List.of(ownersRoot)).toString(), 403, "foreign-contribution");
    }

    @Test
    void unknownContributionIsRefused() {
        TestSubject subject = new TestSubject();
        contribute(subject, 2);

        refused(subject.deletion(List.of(Bytes32.fromHex("0x" + "22".repeat(32)))).toString(), 404, "unknown-contribution");
    }

    @Test
    void requestSignedByAnotherKeyIsRefused() {
        TestSubject subject = new TestSubject();
        TestSubject forger = new TestSubject();
        Bytes32 root = contribute(subject, 2);

        refused(forger.signer().sign(subject.deletionPayload(List.of(root), "n", Instant.now())).toString(),
                403, "signer-not-subject");
    }

    @Test
    void tamperedRequestFailsItsSignature() {
        TestSubject subject = new TestSubject();
        Bytes32 root = contribute(subject, 2);
        ObjectNode json = subject.deletion(List.of(root)).toJson();
        ((ObjectNode) json.get("payload")).put("nonce", "changed");

        refused(json.toString(), 401, "bad-signature");
    }

    @Test
    void requestOutsideTheClockWindowIsRefused() {
        TestSubject subject = new TestSubject();
        Bytes32 root = contribute(subject, 2);

        refused(subject.signer().sign(subject.deletionPayload(List.of(root), "old", Instant.now().minusSeconds(3600)))
                .toString(), 400, "request-time-outside-window").body("detail", containsString("at most 300 s"));
        refused(subject.signer().sign(subject.deletionPayload(List.of(root), "future", Instant.now().plusSeconds(3600)))
                .toString(), 400, "request-time-outside-window");
    }

    @Test
    void requestWithoutContributionsOrNonceIsRefused() {
        TestSubject subject = new TestSubject();
        Bytes32 root = contribute(subject, 2);

        refused(subject.signer().sign(subject.deletionPayload(List.of(), "n", Instant.now())).toString(),
                400, "invalid-deletion-request");
        refused(subject.signer().sign(subject.deletionPayload(List.of(root), "", Instant.now())).toString(),
                400, "invalid-deletion-request");
    }

    @Test
    void malformedRootAndUnknownRequestAnswerWithProblems() {
        TestSubject subject = new TestSubject();
        contribute(subject, 2);
        var payload = subject.deletionPayload(List.of(), "n", Instant.now());
        payload.put("contributionRoots", List.of("not-a-root"));

        refused(subject.signer().sign(payload).toString(), 400, "invalid-id");
        given().get("/deletions/0x" + "33".repeat(32)).then().statusCode(404)
                .body("type", equalTo("urn:lethe:problem:unknown-deletion-request"));
        given().get("/deletions/nope").then().statusCode(400).body("type", equalTo("urn:lethe:problem:invalid-id"));
        given().get("/deletions/batches/0x" + "44".repeat(32)).then().statusCode(404)
                .body("type", equalTo("urn:lethe:problem:unknown-deletion-batch"));
        given().get("/deletions/batches/0x12").then().statusCode(400).body("type", equalTo("urn:lethe:problem:invalid-id"));
    }

    private static Bytes32 contribute(TestSubject subject, int samples) {
        List<Sample> contributed = TestSubject.freshSamples(samples);
        given().contentType(ContentType.JSON).body(subject.contribution(contributed).toString())
                .post("/contributions").then().statusCode(201);
        return TestSubject.rootOf(contributed);
    }

    private static ValidatableResponse refused(String body, int status, String type) {
        long before = requestCount();
        ValidatableResponse response = given().contentType(ContentType.JSON).body(body).post("/deletions")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lethe:problem:" + type));
        assertEquals(before, requestCount(), "no request stored");
        return response;
    }

    private static long requestCount() {
        return QuarkusTransaction.requiringNew().call(() -> DeletionRequestEntity.count());
    }
}
