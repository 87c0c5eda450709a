package org.lethe.verifier.enrolment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.ledger.record.TriggerCommitment;
import org.lethe.verifier.VerifierTestResources;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = VerifierTestResources.class, restrictToAnnotatedClass = true)
class EnrolmentApiTest {

    private static DocumentSigner newSubject() {
        return new DocumentSigner(Ed25519KeyPair.generate(new SecureRandom()));
    }

    private static String enrolment(DocumentSigner signer, Bytes32 named, String createdAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("subjectId", named.toHex());
        payload.put("createdAt", createdAt);
        return signer.sign(payload).toString();
    }

    private static Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/subjects");
    }

    private static Optional<TriggerCommitment> onChain(Bytes32 subject) {
        var ledger = VerifierTestResources.ledger();
        return ledger.client(ledger.verifier()).triggerCommitment(subject).map(recorded -> recorded.value());
    }

    @Test
    void enrolmentCommitsToASecretTriggerOnTheLedgerAndAnswersOnlyTheCommitment() {
        DocumentSigner subject = newSubject();
        Bytes32 id = subject.publicKey().id();

        Response answer = post(enrolment(subject, id, Instant.now().toString()));

        answer.then().statusCode(201).body("subjectId", equalTo(id.toHex()));
        String body = answer.asString();
        assertFalse(body.contains("targetLabel") || body.contains("pixels") || body.contains("salt"), body);
        TriggerCommitment committed = onChain(id).orElseThrow();
        assertEquals(answer.path("commitment"), committed.commitment().toHex());
        given().get("/subjects/" + id.toHex()).then().statusCode(200).body("commitment", equalTo(answer.path("commitment")));
    }

    @Test
    void aSecondEnrolmentIsRefusedAndChangesNothing() {
        DocumentSigner subject = newSubject();
        Bytes32 id = subject.publicKey().id();
        String commitment = post(enrolment(subject, id, Instant.now().toString())).then().statusCode(201)
                .extract().path("commitment");

        post(enrolment(subject, id, Instant.now().toString())).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:lethe:problem:already-enrolled"));
        assertEquals(commitment, onChain(id).orElseThrow().commitment().toHex());
        assertEquals(0, onChain(id).orElseThrow().rotation());
    }

    @Test
    void badEnrolmentsAreRefusedWithTheirReasonAndStoreNothing() {
        DocumentSigner subject = newSubject();
        Bytes32 id = subject.publicKey().id();
        Bytes32 someoneElse = newSubject().publicKey().id();

        post(enrolment(subject, someoneElse, Instant.now().toString())).then().statusCode(403)
                .body("type", equalTo("urn:lethe:problem:signer-not-subject"));
        post(enrolment(subject, id, "yesterday")).then().statusCode(400)
                .body("type", equalTo("urn:lethe:problem:invalid-enrolment"));
        post("{\"payload\": 1}").then().statusCode(400).body("type", startsWith("urn:lethe:problem:malformed"));
        String tampered = enrolment(subject, id, Instant.now().toString()).replace(id.toHex(), someoneElse.toHex());
        post(tampered).then().statusCode(401).body("type", equalTo("urn:lethe:problem:bad-signature"));

        given().get("/subjects/" + id.toHex()).then().statusCode(404).body("type", equalTo("urn:lethe:problem:unknown-subject"));
        given().get("/subjects/not-an-id").then().statusCode(400).body("type", equalTo("urn:lethe:problem:invalid-id"));
        assertTrue(onChain(id).isEmpty());
        assertTrue(onChain(someoneElse).isEmpty());
    }

    @Test
    void withTheLedgerDownEnrolmentIsRefusedAndNothingIsStored() {
        DocumentSigner subject = newSubject();
        Bytes32 id = subject.publicKey().id();
        VerifierTestResources.ledger().stopNode();
        try {
            post(enrolment(subject, id, Instant.now().toString())).then().statusCode(503)
                    .body("type", equalTo("urn:lethe:problem:ledger-unavailable"));
            given().get("/subjects/" + id.toHex()).then().statusCode(404);
        } finally {
            VerifierTestResources.ledger().startAgain();
        }
        post(enrolment(subject, id, Instant.now().toString())).then().statusCode(201);
        assertTrue(onChain(id).isPresent());
    }

    @Test
    void thePublicKeyIsServedForCheckingCertificates() {
        given().get("/verifier/key").then().statusCode(200)
                .body("pem", startsWith("-----BEGIN PUBLIC KEY-----"))
                .body("keyId", org.hamcrest.Matchers.matchesPattern("0x[0-9a-f]{64}"));
    }
}
