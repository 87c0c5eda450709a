package org.lethe.modelservice.contribution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.ledger.record.Contribution;
import org.lethe.ml.data.Sample;
import org.lethe.modelservice.Await;
import org.lethe.modelservice.ModelServiceTestResources;
import org.lethe.modelservice.TestSubject;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(ModelServiceTestResources.class)
class ContributionApiTest {

    @Test
    void signedContributionIsStoredAndItsRootRecordedOnTheLedger() {
        TestSubject subject = new TestSubject();
        List<Sample> samples = TestSubject.freshSamples(40);
        Bytes32 root = TestSubject.rootOf(samples);

        given().contentType(ContentType.JSON).body(subject.contribution(samples).toString())
                .post("/contributions")
                .then().statusCode(201)
                .body("contributionRoot", equalTo(root.toHex()))
                .body("subjectId", equalTo(subject.id().toHex()))
                .body("sampleCount", equalTo(40))
                .body("ledger.status", equalTo("PENDING"));

        JsonPath sent = Await.sent("/contributions/" + root.toHex());
        assertEquals(66, sent.getString("ledger.txHash").length());
        assertEquals(new Contribution(root, subject.id(), 40),
                ModelServiceTestResources.ledger().client(ModelServiceTestResources.ledger().outsider())
                        .contribution(root).orElseThrow().value());
    }

    @Test
    void sameContributionTwiceIsRefused() {
        TestSubject subject = new TestSubject();
        String body = subject.contribution(TestSubject.freshSamples(5)).toString();
        given().contentType(ContentType.JSON).body(body).post("/contributions").then().statusCode(201);

        refused(body, 409, "duplicate-contribution");
    }

    @Test
    void imageOfTheWrongSizeIsRefused() {
        refusedPayload(sample -> sample.put("image", Base64.getEncoder().encodeToString(new byte[783])),
                400, "invalid-contribution", "784 bytes");
    }

    @Test
    void labelOutOfRangeIsRefused() {
        refusedPayload(sample -> sample.put("label", 10), 400, "invalid-contribution", "label must be 0..9");
    }

    @Test
    void imageThatIsNotBase64IsRefused() {
        refusedPayload(sample -> sample.put("image", "not base64 !!"), 400, "invalid-contribution", "not base64");
    }

    @Test
    void bodyThatIsNotJsonIsRefused() {
        refused("{\"payload\": [", 400, "malformed-document");
    }

    @Test
    void jsonThatIsNotASignedDocumentIsRefused() {
        refused("{\"samples\": []}", 400, "malformed-document");
    }

    @Test
    void missingSignatureIsRefused() {
        SignedDocument document = new TestSubject().contribution(TestSubject.freshSamples(2));
        ObjectNode json = document.toJson();
        json.remove("signature");

        refused(json.toString(), 400, "malformed-document");
    }

    @Test
    void tamperedContributionFailsItsSignature() {
        SignedDocument document = new TestSubject().contribution(TestSubject.freshSamples(3));
        ObjectNode json = document.toJson();
        ObjectNode sample = (ObjectNode) json.get("payload").get("samples").get(1);
        sample.put("label", (sample.get("label").asInt() + 1) % 10);

        refused(json.toString(), 401, "bad-signature");
    }

    @Test
    void contributionSignedForAnotherSubjectIsRefused() {
        TestSubject victim = new TestSubject();
        TestSubject forger = new TestSubject();
        Map<String, Object> payload = victim.contributionPayload(TestSubject.freshSamples(2));

        refused(forger.signer().sign(payload).toString(), 403, "signer-not-subject");
    }

    @Test
    void tooManySamplesAreRefused() {
        TestSubject subject = new TestSubject();
        List<Sample> samples = new ArrayList<>(TestSubject.freshSamples(501));

        refused(subject.contribution(samples).toString(), 400, "invalid-contribution");
    }

    @Test
    void oversizeBodyIsRefused() {
        String padding = "x".repeat(600_001);

        refused("{\"padding\":\"" + padding + "\"}", 413, "body-too-large");
    }

    @Test
    void unknownContributionAndMalformedRootAnswerWithProblems() {
        given().get("/contributions/0x" + "ab".repeat(32)).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:lethe:problem:unknown-contribution"));
        given().get("/contributions/xyz").then().statusCode(400)
                .body("type", equalTo("urn:lethe:problem:invalid-id"));
    }

    private interface SampleEdit {
        void apply(ObjectNode sample);
    }

    private static void refusedPayload(SampleEdit edit, int status, String type, String detail) {
        TestSubject subject = new TestSubject();
        var payload = CanonicalJson.toTree(subject.contributionPayload(TestSubject.freshSamples(3)));
        edit.apply((ObjectNode) payload.get("samples").get(1));
        String body = subject.signer().sign(payload).toString();

        refused(body, status, type).body("detail", containsString(detail));
    }

    private static ValidatableResponse refused(String body, int status, String type) {
        long contributionsBefore = ContributionCounts.contributions();
        long samplesBefore = ContributionCounts.samples();
        var response = given().contentType(ContentType.JSON).body(body).post("/contributions")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lethe:problem:" + type))
                .body("status", equalTo(status));
        assertEquals(contributionsBefore, ContributionCounts.contributions(), "no contribution stored");
        assertEquals(samplesBefore, ContributionCounts.samples(), "no sample stored");
        return response;
    }
}
