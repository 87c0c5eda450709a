package org.lethe.modelservice.model;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.evidence.merkle.SetAbsenceProof;
import org.lethe.evidence.merkle.SetMembershipProof;
import org.lethe.evidence.merkle.SortedSetTreeVerifier;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ml.data.Sample;
import org.lethe.ml.replay.TrainingTranscript;
import org.lethe.ml.replay.TrainingTranscriptJson;
import org.lethe.modelservice.Await;
import org.lethe.modelservice.ModelApi;
import org.lethe.modelservice.ModelServiceTestResources;
import org.lethe.modelservice.TestSubject;

import java.nio.file.Files;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Train, serve, contribute, delete, unlearn: every step on a real DJL model, PostgreSQL and Anvil. */
@QuarkusTest
@QuarkusTestResource(ModelServiceTestResources.class)
class ModelLifecycleTest {

    @Inject
    ModelRegistry registry;

    @Test
    void trainedModelServesPredictionsAndForgetsADeletedSubjectBySisa() {
        TestSubject subject = new TestSubject();
        List<Sample> contributed = TestSubject.freshSamples(60);
        given().contentType(ContentType.JSON).body(subject.contribution(contributed).toString())
                .post("/contributions").then().statusCode(201);

        JsonPath trained = ModelApi.train();
        assertEquals("SUCCEEDED", trained.getString("status"), trained.prettify());
        assertEquals(4, trained.getInt("stepsDone"));
        String firstVersion = trained.getString("versionHash");

        List<Sample> probes = TestSubject.freshSamples(200);
        JsonPath answer = ModelApi.predict(probes);
        assertEquals(firstVersion, answer.getString("versionHash"));
        assertTrue(accuracy(answer, probes) > 0.6, "accuracy " + accuracy(answer, probes));

        Bytes32 root = TestSubject.rootOf(contributed);
        var request = subject.deletion(List.of(root));
        given().contentType(ContentType.JSON).body(request.toString()).post("/deletions").then().statusCode(202);
        Bytes32 batchRoot = Bytes32.fromHex(Await.sent("/deletions/" + request.hash().toHex()).getString("batch.batchRoot"));
        JsonPath unlearned = ModelApi.unlearn();
        assertEquals("SUCCEEDED", unlearned.getString("status"), unlearned.prettify());
        String secondVersion = unlearned.getString("versionHash");

        assertEquals(secondVersion, ModelApi.predict(probes).getString("versionHash"));
        given().get("/model").then().statusCode(200).body("versionHash", equalTo(secondVersion))
                .body("parentVersion", equalTo(firstVersion)).body("strategy", equalTo("SISA"));
        JsonPath deletion = Await.until(() -> given().get("/deletions/" + request.hash().toHex()).then()
                .statusCode(200).extract().jsonPath(), json -> "SENT".equals(json.getString("unlearningLedger.status")),
                "unlearning never reached the ledger");
        assertEquals(secondVersion, deletion.getString("executedVersion"));

        LedgerClient ledger = ModelServiceTestResources.ledger().client(ModelServiceTestResources.ledger().outsider());
        Checkpoint second = ledger.checkpoint(Bytes32.fromHex(secondVersion)).orElseThrow().value();
        assertEquals(Optional.of(Bytes32.fromHex(firstVersion)), second.parentVersion());
        Unlearning unlearning = ledger.unlearning(batchRoot).orElseThrow().value();
        assertEquals(new Unlearning(batchRoot, second.modelId(), Bytes32.fromHex(secondVersion), UnlearningStrategy.SISA),
                unlearning);
        assertNotEquals(ledger.checkpoint(Bytes32.fromHex(firstVersion)).orElseThrow().value().trainingSetRoot(),
                second.trainingSetRoot());
        assertSubjectAbsentFrom(secondVersion, contributed, second.trainingSetRoot());
        assertSubjectPresentIn(firstVersion, contributed,
                ledger.checkpoint(Bytes32.fromHex(firstVersion)).orElseThrow().value().trainingSetRoot());
        assertEquals(2, given().get("/model/versions").then().statusCode(200).extract().jsonPath()
                .getList("versionHash").stream().filter(v -> v.equals(firstVersion) || v.equals(secondVersion)).count());
        assertOnlyTheServedVersionsWeightsAreKept(firstVersion, secondVersion);
    }

    /**
     * The first version's checkpoints from the subject's slice on carry the deleted data: they are removed, and the
     * replay API no longer hands them out. Every checkpoint of the served version stays.
     */
    private void assertOnlyTheServedVersionsWeightsAreKept(String replaced, String served) {
        Set<Bytes32> servedCheckpoints = checkpoints(served);
        Set<Bytes32> superseded = new HashSet<>(checkpoints(replaced));
        superseded.removeAll(servedCheckpoints);
        assertFalse(superseded.isEmpty(), "the deletion retrained at least one slice");
        for (Bytes32 checkpoint : superseded) {
            assertTrue(Files.notExists(registry.store().file(checkpoint)), "superseded " + checkpoint + " is removed");
            given().header("Authorization", "Bearer " + ModelServiceTestResources.REPLAY_TOKEN)
                    .get("/replay/checkpoints/" + checkpoint.toHex()).then().statusCode(404);
        }
        for (Bytes32 checkpoint : servedCheckpoints) {
            assertTrue(Files.exists(registry.store().file(checkpoint)), "served " + checkpoint + " is kept");
        }
    }

    private static Set<Bytes32> checkpoints(String version) {
        TrainingTranscript transcript = TrainingTranscriptJson.fromJson(CanonicalJson.parse(given()
                .header("Authorization", "Bearer " + ModelServiceTestResources.REPLAY_TOKEN)
                .get("/replay/versions/" + version + "/transcript").then().statusCode(200).extract().asString()));
        return transcript.shards().stream().flatMap(shard -> shard.checkpoints().stream()).collect(Collectors.toSet());
    }

    /** The subject checks, against the root on the ledger alone, that the new version lacks every sample. */
    private static void assertSubjectAbsentFrom(String version, List<Sample> samples, Bytes32 rootOnChain) {
        JsonPath answer = trainingSetQuery(version, samples);
        assertEquals(rootOnChain.toHex(), answer.getString("trainingSetRoot"));
        for (int i = 0; i < samples.size(); i++) {
            String path = "samples[" + i + "]";
            assertEquals(false, answer.getBoolean(path + ".member"));
            SetAbsenceProof proof = new SetAbsenceProof(samples.get(i).hash(), answer.getInt("setSize"),
                    position(answer, path + ".below"), position(answer, path + ".above"));
            SortedSetTreeVerifier.verifyAbsence(proof, rootOnChain);
        }
    }

    private static void assertSubjectPresentIn(String version, List<Sample> samples, Bytes32 rootOnChain) {
        JsonPath answer = trainingSetQuery(version, samples);
        for (int i = 0; i < samples.size(); i++) {
            String path = "samples[" + i + "]";
            assertEquals(true, answer.getBoolean(path + ".member"));
            SortedSetTreeVerifier.verifyMembership(position(answer, path + ".inclusion").orElseThrow(), rootOnChain);
        }
    }

    private static JsonPath trainingSetQuery(String version, List<Sample> samples) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("samples", samples.stream().map(sample -> sample.hash().toHex()).toList()))
                .post("/model/versions/" + version + "/training-set").then().statusCode(200).extract().jsonPath();
    }

    private static Optional<SetMembershipProof> position(JsonPath answer, String path) {
        if (answer.get(path) == null) {
            return Optional.empty();
        }
        return Optional.of(new SetMembershipProof(Bytes32.fromHex(answer.getString(path + ".value")),
                answer.getInt(path + ".index"), answer.getInt("setSize"),
                answer.<String>getList(path + ".siblings").stream().map(Bytes32::fromHex).toList()));
    }

    @Test
    void trainingSetQueriesWithoutSamplesOrForUnknownVersionsAreRefused() {
        String path = "/model/versions/0x" + "44".repeat(32) + "/training-set";
        given().contentType(ContentType.JSON).body(Map.of("samples", List.of("0x" + "55".repeat(32)))).post(path)
                .then().statusCode(404).body("type", equalTo("urn:lethe:problem:unknown-version"));
        given().contentType(ContentType.JSON).body(Map.of("samples", List.of())).post(path)
                .then().statusCode(400).body("type", equalTo("urn:lethe:problem:invalid-training-set-query"));
        given().contentType(ContentType.JSON).body(Map.of("samples", List.of("zz"))).post(path)
                .then().statusCode(400).body("type", equalTo("urn:lethe:problem:invalid-id"));
    }

    @Test
    void operationsWithoutTheAdminTokenAreRefused() {
        for (String token : new String[] {null, "Bearer wrong", ModelServiceTestResources.ADMIN_TOKEN}) {
            var call = given();
            if (token != null) {
                call = call.header("Authorization", token);
            }
            call.post("/admin/training").then().statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:lethe:problem:admin-token-required"));
        }
    }

    @Test
    void badPredictionRequestsAreRefused() {
        refusedPrediction(Map.of("images", List.of()), "send at least one image");
        refusedPrediction(Map.of("images", List.of(Base64.getEncoder().encodeToString(new byte[100]))), "784");
        refusedPrediction(Map.of("images", List.of("%%%")), "not base64");
        given().contentType(ContentType.JSON).body("{\"images\": [").post("/predictions").then().statusCode(400)
                .body("type", equalTo("urn:lethe:problem:malformed-json"));
    }

    @Test
    void unknownOrMalformedJobsAnswerWithProblems() {
        given().get("/jobs/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("urn:lethe:problem:unknown-job"));
        given().get("/jobs/not-a-uuid").then().statusCode(400).body("type", equalTo("urn:lethe:problem:invalid-id"));
    }

    private static void refusedPrediction(Map<String, Object> body, String detail) {
        given().contentType(ContentType.JSON).body(body).post("/predictions").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lethe:problem:invalid-prediction-request"))
                .body("detail", containsString(detail));
    }

    private static double accuracy(JsonPath answer, List<Sample> probes) {
        List<List<Float>> rows = answer.getList("probabilities");
        int correct = 0;
        for (int i = 0; i < probes.size(); i++) {
            List<Float> row = rows.get(i);
            int best = 0;
            for (int c = 1; c < row.size(); c++) {
                if (row.get(c) > row.get(best)) {
                    best = c;
                }
            }
            correct += best == probes.get(i).label() ? 1 : 0;
        }
        return (double) correct / probes.size();
    }
}
