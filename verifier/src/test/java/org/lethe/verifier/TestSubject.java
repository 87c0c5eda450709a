package org.lethe.verifier;

import io.restassured.http.ContentType;
import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.ml.data.Sample;
import org.lethe.service.subject.SamplePayload;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** A data subject in tests: a key pair and the documents it signs for the verifier. */
public final class TestSubject {

    private final DocumentSigner signer = new DocumentSigner(Ed25519KeyPair.generate(new SecureRandom()));

    public Bytes32 id() {
        return signer.publicKey().id();
    }

    public DocumentSigner signer() {
        return signer;
    }

    /** A signed document naming this subject, with the given fields after subjectId and createdAt. */
    public String sign(Map<String, Object> fields) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("subjectId", id().toHex());
        payload.put("createdAt", Instant.now().toString());
        payload.putAll(fields);
        return signer.sign(payload).toString();
    }

    public String samplesDocument(List<Sample> samples) {
        return sign(Map.of("samples", samples.stream().map(SamplePayload::of).toList()));
    }

    /** Enrols through the API and answers the commitment. */
    public String enrol() {
        return given().contentType(ContentType.JSON).body(sign(Map.of())).post("/subjects").then().statusCode(201)
                .extract().path("commitment");
    }
}
