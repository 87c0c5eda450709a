package org.lethe.verifier.enrolment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.verifier.VerifierTestResources;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A region with no room left: triggers of 100 pixels among the background's positions share more than one
 * position with any other trigger, so no first trigger can leave the other targets a decoy. Enrolment
 * answers 503 and commits, stores and answers nothing for the subject.
 */
@QuarkusTest
@QuarkusTestResource(value = FullTriggerRegionTest.HundredPixelTriggers.class, restrictToAnnotatedClass = true)
class FullTriggerRegionTest {

    /** The usual resources, with triggers too large for two to fit. */
    public static class HundredPixelTriggers extends VerifierTestResources {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = super.start();
            config.put("lethe.verifier.triggers.pixels", "100");
            config.put("lethe.verifier.triggers.draw-attempts", "50");
            return config;
        }
    }

    @Test
    void enrolmentIntoAFullRegionIsRefusedAndLeavesNoTrace() {
        DocumentSigner subject = new DocumentSigner(Ed25519KeyPair.generate(new SecureRandom()));
        Bytes32 id = subject.publicKey().id();
        String enrolment = subject.sign(Map.of("subjectId", id.toHex(), "createdAt", Instant.now().toString())).toString();

        given().contentType(ContentType.JSON).body(enrolment).post("/subjects").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:lethe:problem:no-trigger-available"))
                .body("detail", containsString("leaving every target room for decoys"));

        given().get("/subjects/" + id.toHex()).then().statusCode(404).body("type", equalTo("urn:lethe:problem:unknown-subject"));
        var ledger = VerifierTestResources.ledger();
        assertTrue(ledger.client(ledger.verifier()).triggerCommitment(id).isEmpty(), "no commitment on chain");
    }
}
