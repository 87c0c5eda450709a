package org.lethe.modelservice.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.evidence.merkle.MerkleProof;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.event.EventQuery;
import org.lethe.ledger.event.LedgerEvent;
import org.lethe.ledger.record.DeletionBatchTree;
import org.lethe.ml.data.Sample;
import org.lethe.modelservice.Await;
import org.lethe.modelservice.ModelServiceTestResources;
import org.lethe.modelservice.TestSubject;
import org.lethe.ledger.testing.AnvilLedger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger node goes down in the middle of a burst of deletion requests and comes back. */
@QuarkusTest
@QuarkusTestResource(ModelServiceTestResources.class)
class LedgerOutageTest {

    private static final int REQUESTS = 150;

    @Test
    void everyRequestOfABurstEndsOnChainExactlyOnceAcrossANodeOutage() throws Exception {
        AnvilLedger ledger = ModelServiceTestResources.ledger();
        TestSubject subject = new TestSubject();
        List<SignedDocument> requests = new ArrayList<>();
        // one contribution per request: a contribution is asked to be deleted once
        for (Sample sample : TestSubject.freshSamples(REQUESTS)) {
            given().contentType(ContentType.JSON).body(subject.contribution(List.of(sample)).toString())
                    .post("/contributions").then().statusCode(201);
            requests.add(subject.signer().sign(subject.deletionPayload(List.of(TestSubject.rootOf(List.of(sample))),
                    "outage-" + requests.size(), Instant.now())));
        }
        long firstBlock = ledger.client(ledger.outsider()).blockNumber();

        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                SignedDocument request = requests.get(i);
                answers.add(clients.submit(() -> given().contentType(ContentType.JSON).body(request.toString())
                        .post("/deletions").statusCode()));
                if (i == REQUESTS / 3) {
                    ledger.stopNode();
                }
            }
            for (Future<Integer> answer : answers) {
                answer.get();
            }
        } finally {
            clients.shutdown();
            Thread.sleep(1_500);
            ledger.startAgain();
        }
        for (Future<Integer> answer : answers) {
            assertEquals(202, answer.get(), "requests are taken while the ledger is down");
        }

        LedgerClient reader = ledger.client(ledger.outsider());
        Map<Bytes32, Integer> perBatch = new HashMap<>();
        for (SignedDocument request : requests) {
            JsonPath sent = Await.sent("/deletions/" + request.hash().toHex());
            Bytes32 batchRoot = Bytes32.fromHex(sent.getString("batch.batchRoot"));
            List<Bytes32> proof = sent.<String>getList("batch.proof").stream().map(Bytes32::fromHex).toList();
            assertTrue(reader.verifiesBatchInclusion(batchRoot, request.hash(),
                    new MerkleProof(DeletionBatchTree.leaf(request.hash()), proof)));
            perBatch.merge(batchRoot, 1, Integer::sum);
        }
        List<Bytes32> anchoredSinceBurst = reader.events(EventQuery.all().inBlocks(firstBlock, reader.blockNumber())).stream()
                .filter(LedgerEvent.DeletionBatchAnchored.class::isInstance)
                .map(e -> ((LedgerEvent.DeletionBatchAnchored) e).batch().batchRoot()).toList();
        for (Bytes32 batchRoot : perBatch.keySet()) {
            assertEquals(1, anchoredSinceBurst.stream().filter(batchRoot::equals).count(), "batch anchored once");
        }
        Map<Bytes32, Integer> memberships = requestMemberships();
        for (SignedDocument request : requests) {
            assertEquals(1, memberships.getOrDefault(request.hash(), 0), "request in exactly one batch");
        }
    }

    private static Map<Bytes32, Integer> requestMemberships() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Bytes32, Integer> memberships = new HashMap<>();
            for (DeletionBatchEntity batch : DeletionBatchEntity.<DeletionBatchEntity>listAll()) {
                CanonicalJson.parse(batch.members).forEach(id -> memberships.merge(Bytes32.fromHex(id.asText()), 1, Integer::sum));
            }
            return memberships;
        });
    }
}
