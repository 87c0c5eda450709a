package org.lethe.verifier;

import io.restassured.http.ContentType;
import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.ml.data.Sample;
import org.lethe.service.subject.SubjectDocuments;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * A data subject in tests: a key pair, the well-formed documents a subject signs ({@link SubjectDocuments}),
 * and any other payload, signed alike, to show what the verifier refuses.
 */
public final class TestSubject {

    private final DocumentSigner signer = new DocumentSigner(Ed25519KeyPair.generate(new SecureRandom()));
    private final SubjectDocuments documents = new SubjectDocuments(signer);

    public Bytes32 id() {
        return signer.publicKey().id();
    }

    public DocumentSigner signer() {
        return signer;
    }

    public SubjectDocuments documents() {
        return documents;
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
        return documents.samples(samples).toString();
    }

    /** Enrols through the API and answers the commitment. */
    public String enrol() {
        return given().contentType(ContentType.JSON).body(documents.enrolment().toString()).post("/subjects").then().statusCode(201)
                .extract().path("commitment");
    }
}
