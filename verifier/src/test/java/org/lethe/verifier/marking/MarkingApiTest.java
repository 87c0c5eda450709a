package org.lethe.verifier.marking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.verifier.TestSubject;
import org.lethe.verifier.VerifierTestResources;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = VerifierTestResources.class, restrictToAnnotatedClass = true)
class MarkingApiTest {

    private static List<Sample> pool;

    @BeforeAll
    static void loadSamples() {
        pool = FashionMnist.installed().train(2_000);
    }

    private static Response mark(TestSubject subject, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/subjects/" + subject.id().toHex() + "/marking");
    }

    @Test
    void aQuarterOfTheSamplesComeBackRelabelledToOneTargetAQuarterCoveredTheRestUnchanged() {
        TestSubject subject = new TestSubject();
        subject.enrol();
        List<Sample> samples = pool.subList(0, 200);

        Response answer = mark(subject, subject.samplesDocument(samples));

        answer.then().statusCode(200).body("marks", equalTo(50)).body("covers", equalTo(50));
        List<Map<String, Object>> returned = answer.path("samples");
        assertEquals(samples.size(), returned.size());
        int marks = 0;
        int covers = 0;
        Integer target = null;
        for (int i = 0; i < samples.size(); i++) {
            byte[] image = Base64.getDecoder().decode((String) returned.get(i).get("image"));
            int label = (Integer) returned.get(i).get("label");
            Sample back = new Sample("back", image, label);
            if (!back.hash().equals(samples.get(i).hash()) && label == samples.get(i).label()) {
                covers++;
            } else if (!back.hash().equals(samples.get(i).hash())) {
                marks++;
                target = target == null ? label : target;
                assertEquals(target, label, "every mark has the subject's one target");
                assertTrue(samples.get(i).label() != label, "a sample already of the target is never a mark");
            }
        }
        assertEquals(50, marks);
        assertEquals(50, covers, "covers change pixels, never the label");
    }

    @Test
    void coveredSamplesSentAgainAreRefusedAsAlreadyMarked() {
        TestSubject subject = new TestSubject();
        subject.enrol();
        List<Sample> samples = pool.subList(300, 340);
        List<Map<String, Object>> returned = mark(subject, subject.samplesDocument(samples)).then().statusCode(200)
                .body("covers", equalTo(10)).extract().path("samples");
        List<Sample> coveredOriginals = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample back = new Sample("back", Base64.getDecoder().decode((String) returned.get(i).get("image")),
                    (Integer) returned.get(i).get("label"));
            if (!back.hash().equals(samples.get(i).hash()) && back.label() == samples.get(i).label()) {
                coveredOriginals.add(samples.get(i));
            }
        }
        assertEquals(10, coveredOriginals.size());

        // a cover's pattern is random, so only the hash as sent recognises them; marking again is refused
        for (int attempt = 0; attempt < 2; attempt++) {
            mark(subject, subject.samplesDocument(coveredOriginals)).then().statusCode(409)
                    .contentType("application/problem+json").body("type", equalTo("urn:lethe:problem:already-marked"))
                    .body("detail", org.hamcrest.Matchers.startsWith("10 of these samples were marked before"));
        }
    }

    @Test
    void badMarkingRequestsAreRefusedAndNothingIsKept() {
        TestSubject enrolled = new TestSubject();
        enrolled.enrol();
        TestSubject stranger = new TestSubject();
        List<Sample> samples = pool.subList(200, 220);

        mark(stranger, stranger.samplesDocument(samples)).then().statusCode(404)
                .contentType("application/problem+json").body("type", equalTo("urn:lethe:problem:unknown-subject"));
        mark(enrolled, enrolled.sign(Map.of("samples", List.of()))).then().statusCode(400)
                .body("type", equalTo("urn:lethe:problem:invalid-marking"));
        mark(enrolled, enrolled.sign(Map.of("samples", List.of(Map.of("image", "AAAA", "label", 1))))).then()
                .statusCode(400).body("detail", org.hamcrest.Matchers.containsString("784 bytes"));
        given().contentType(ContentType.JSON).body(stranger.samplesDocument(samples))
                .post("/subjects/" + enrolled.id().toHex() + "/marking").then().statusCode(400)
                .body("type", equalTo("urn:lethe:problem:invalid-marking"));
        mark(enrolled, enrolled.samplesDocument(pool.subList(0, 401))).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("at most 400"));

        mark(enrolled, enrolled.samplesDocument(samples)).then().statusCode(200);
        mark(enrolled, enrolled.samplesDocument(samples)).then().statusCode(409)
                .body("type", equalTo("urn:lethe:problem:already-marked"));
    }
}
