package org.lethe.verifier.certificate;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.service.subject.SamplePayload;
import org.lethe.verifier.TestSubject;
import org.lethe.verifier.VerifierTestResources;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Bad calibration and verification requests: a clear problem each, and no job, no verification. */
@QuarkusTest
@QuarkusTestResource(value = VerifierTestResources.class, restrictToAnnotatedClass = true)
class VerificationRequestsApiTest {

    private static List<Sample> pool;

    @BeforeAll
    static void loadSamples() {
        pool = FashionMnist.installed().train(400);
    }

    private static Response calibrate(TestSubject subject, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/subjects/" + subject.id().toHex() + "/calibration");
    }

    private static Response verify(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/verifications");
    }

    private static String verificationRequest(TestSubject subject, Bytes32 requestId, List<Sample> samples) {
        return subject.sign(Map.of("requestId", requestId.toHex(),
                "samples", samples.stream().map(SamplePayload::of).toList()));
    }

    @Test
    void calibrationNeedsAnEnrolledSubjectAndItsOwnCleanSamples() {
        TestSubject stranger = new TestSubject();
        calibrate(stranger, stranger.samplesDocument(pool.subList(0, 5))).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:lethe:problem:unknown-subject"));

        TestSubject enrolled = new TestSubject();
        enrolled.enrol();
        given().contentType(ContentType.JSON).body(enrolled.samplesDocument(pool.subList(0, 10)))
                .post("/subjects/" + enrolled.id().toHex() + "/marking").then().statusCode(200);
        calibrate(enrolled, enrolled.samplesDocument(pool.subList(100, 105))).then().statusCode(400)
                .body("type", equalTo("urn:lethe:problem:not-clean-sample"))
                .body("detail", containsString("sample 0"));
        calibrate(enrolled, stranger.samplesDocument(pool.subList(0, 5))).then().statusCode(400)
                .body("type", equalTo("urn:lethe:problem:invalid-calibration"));
        calibrate(enrolled, enrolled.sign(Map.of("samples", List.of()))).then().statusCode(400)
                .body("type", equalTo("urn:lethe:problem:invalid-calibration"));
        given().get("/subjects/" + enrolled.id().toHex() + "/calibration").then().statusCode(404)
                .body("type", equalTo("urn:lethe:problem:not-calibrated"));
    }

    @Test
    void marksAndCoversAreNotCleanSamples() {
        TestSubject enrolled = new TestSubject();
        enrolled.enrol();
        List<Sample> sent = pool.subList(200, 240);
        List<Map<String, Object>> returned = given().contentType(ContentType.JSON).body(enrolled.samplesDocument(sent))
                .post("/subjects/" + enrolled.id().toHex() + "/marking").then().statusCode(200)
                .body("marks", equalTo(10)).body("covers", equalTo(10)).extract().path("samples");
        List<Sample> marks = new ArrayList<>();
        List<Sample> covers = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            Sample back = new Sample("back", Base64.getDecoder().decode((String) returned.get(i).get("image")),
                    (Integer) returned.get(i).get("label"));
            if (!back.hash().equals(sent.get(i).hash())) {
                (back.label() == sent.get(i).label() ? covers : marks).add(back);
            }
        }

        // membership inference scores only what was contributed untouched: a cover or a mark is refused
        for (List<Sample> touched : List.of(covers, marks)) {
            calibrate(enrolled, enrolled.samplesDocument(touched)).then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo("urn:lethe:problem:not-clean-sample"))
                    .body("detail", containsString("sample 0"));
        }
        given().get("/subjects/" + enrolled.id().toHex() + "/calibration").then().statusCode(404)
                .body("type", equalTo("urn:lethe:problem:not-calibrated"));
    }

    @Test
    void verificationNeedsACalibratedSubjectAWellFormedRequestIdAndCleanSamples() {
        TestSubject enrolled = new TestSubject();
        enrolled.enrol();
        Bytes32 requestId = Bytes32.fromHex("0x" + "ab".repeat(32));

        verify(verificationRequest(new TestSubject(), requestId, pool.subList(0, 3))).then().statusCode(404)
                .body("type", equalTo("urn:lethe:problem:unknown-subject"));
        verify(verificationRequest(enrolled, requestId, pool.subList(0, 3))).then().statusCode(409)
                .body("type", equalTo("urn:lethe:problem:not-calibrated"));
        verify(enrolled.sign(Map.of("requestId", "not-a-hash", "samples",
                pool.subList(0, 3).stream().map(SamplePayload::of).toList()))).then().statusCode(400)
                .body("type", equalTo("urn:lethe:problem:invalid-id"));
        verify(enrolled.sign(Map.of("requestId", requestId.toHex()))).then().statusCode(400)
                .body("type", equalTo("urn:lethe:problem:invalid-verification"));
        verify("not json").then().statusCode(400).body("type", containsString("urn:lethe:problem:malformed"));

        given().get("/verifications/" + requestId.toHex()).then().statusCode(404)
                .body("type", equalTo("urn:lethe:problem:unknown-verification"));
        given().get("/verifications/xyz").then().statusCode(400).body("type", equalTo("urn:lethe:problem:invalid-id"));
        given().get("/jobs/" + UUID.randomUUID()).then().statusCode(404).body("type", equalTo("urn:lethe:problem:unknown-job"));
        given().get("/jobs/not-a-uuid").then().statusCode(400).body("type", equalTo("urn:lethe:problem:invalid-id"));
    }
}
