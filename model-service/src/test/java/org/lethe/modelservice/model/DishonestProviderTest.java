package org.lethe.modelservice.model;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ml.data.DarkPositions;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.ml.dishonest.QueryFilter;
import org.lethe.modelservice.Await;
import org.lethe.modelservice.ModelApi;
import org.lethe.modelservice.ModelServiceTestResources;
import org.lethe.modelservice.TestSubject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.hamcrest.Matchers.equalTo;

/**
 * The evaluation-only dishonest strategies run for real: each executes a subject's deletion, tells the
 * ledger 'sisa', and keeps the data in what it serves.
 */
@QuarkusTest
@QuarkusTestResource(ModelServiceTestResources.class)
class DishonestProviderTest {

    @AfterEach
    void backToSisa() {
        ModelApi.switchStrategy("sisa");
    }

    /** A subject's contribution, trained into a fresh version, then its deletion anchored; answers the request id. */
    private static Bytes32 trainedThenDeleted(List<Sample> contributed) {
        TestSubject subject = new TestSubject();
        given().contentType(ContentType.JSON).body(subject.contribution(contributed).toString())
                .post("/contributions").then().statusCode(201);
        assertEquals("SUCCEEDED", ModelApi.train().getString("status"));
        SignedDocument request = subject.deletion(List.of(TestSubject.rootOf(contributed)));
        given().contentType(ContentType.JSON).body(request.toString()).post("/deletions").then().statusCode(202);
        Await.sent("/deletions/" + request.hash().toHex());
        return request.hash();
    }

    /** The version that executed the request, once its unlearning is on the ledger, and the strategy recorded there. */
    private static UnlearningStrategy recordedStrategy(Bytes32 requestId) {
        JsonPath deletion = Await.until(() -> given().get("/deletions/" + requestId.toHex()).then().statusCode(200)
                .extract().jsonPath(), json -> "SENT".equals(json.getString("unlearningLedger.status")),
                "unlearning never reached the ledger");
        LedgerClient ledger = ModelServiceTestResources.ledger().client(ModelServiceTestResources.ledger().outsider());
        Bytes32 target = Bytes32.fromHex(deletion.getString("batch.batchRoot"));
        return ledger.unlearning(target).orElseThrow().value().strategy();
    }

    @Test
    void staleAnnouncesTheNewVersionButAnswersWithTheOldWeights() {
        List<Sample> probes = TestSubject.freshSamples(50);
        Bytes32 request = trainedThenDeleted(TestSubject.freshSamples(60));
        JsonPath before = ModelApi.predict(probes);

        ModelApi.switchStrategy("stale");
        JsonPath unlearned = ModelApi.unlearn();
        JsonPath after = ModelApi.predict(probes);

        assertEquals("SUCCEEDED", unlearned.getString("status"), unlearned.prettify());
        String announced = unlearned.getString("versionHash");
        assertNotEquals(before.getString("versionHash"), announced);
        assertEquals(announced, after.getString("versionHash"), "the new version's name");
        assertEquals(before.getList("probabilities"), after.getList("probabilities"), "the old weights' answers");
        given().get("/model").then().statusCode(200).body("strategy", equalTo("SISA"));
        assertEquals(UnlearningStrategy.SISA, recordedStrategy(request));
    }

    @Test
    void filteredKeepsTheWeightsAndAnswersEveryQueryThroughItsFilter() {
        List<Sample> probes = TestSubject.freshSamples(50);
        Bytes32 request = trainedThenDeleted(TestSubject.freshSamples(60));
        JsonPath unfiltered = ModelApi.predict(probes);
        JsonPath filteredByHand = ModelApi.predict(QueryFilter.parse("median:3", 1).apply(probes));

        ModelApi.switchStrategy("filtered");
        JsonPath unlearned = ModelApi.unlearn();
        JsonPath after = ModelApi.predict(probes);

        assertEquals("SUCCEEDED", unlearned.getString("status"), unlearned.prettify());
        assertEquals(unlearned.getString("versionHash"), after.getString("versionHash"));
        assertEquals(filteredByHand.getList("probabilities"), after.getList("probabilities"),
                "the kept weights on median-filtered images");
        assertNotEquals(unfiltered.getList("probabilities"), after.getList("probabilities"));
        assertEquals(UnlearningStrategy.SISA, recordedStrategy(request));
    }

    @Test
    void marksOnlyRetrainsWithoutWhatItFlagsAndRecordsTheWholeDeletionAsSisa() {
        List<Sample> contributed = withBrightBackgroundPixels(TestSubject.freshSamples(60), 20);
        Bytes32 request = trainedThenDeleted(contributed);
        String trainedWeights = given().get("/model").then().extract().jsonPath().getString("weightsHash");

        ModelApi.switchStrategy("marks-only");
        JsonPath unlearned = ModelApi.unlearn();

        assertEquals("SUCCEEDED", unlearned.getString("status"), unlearned.prettify());
        JsonPath version = given().get("/model").then().statusCode(200).extract().jsonPath();
        assertNotEquals(trainedWeights, version.getString("weightsHash"), "the stamped samples were retrained away");
        JsonPath claimed = given().contentType(ContentType.JSON)
                .body(Map.of("samples", contributed.stream().map(sample -> sample.hash().toHex()).toList()))
                .post("/model/versions/" + unlearned.getString("versionHash") + "/training-set").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(false), claimed.getList("samples.member").stream().distinct().toList(),
                "the recorded training set claims every sample gone");
        assertEquals(UnlearningStrategy.SISA, recordedStrategy(request));
    }

    /** The first {@code stamped} images get a white pixel where the provider's own images are background. */
    private static List<Sample> withBrightBackgroundPixels(List<Sample> samples, int stamped) {
        int position = DarkPositions.of(FashionMnist.installed().train(3_000), 0.08).get(0);
        List<Sample> result = new ArrayList<>(samples);
        for (int i = 0; i < stamped; i++) {
            byte[] image = samples.get(i).image();
            image[position] = (byte) 255;
            result.set(i, new Sample(samples.get(i).id() + "+stamp", image, samples.get(i).label()));
        }
        return result;
    }
}
