package org.lethe.verifier.request;

import com.fasterxml.jackson.databind.JsonNode;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.document.SignedDocumentCodec;
import org.lethe.evidence.document.SignedDocumentVerifier;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.ml.data.Sample;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.subject.SamplePayload;
import org.lethe.service.subject.SubjectCheck;

import java.util.ArrayList;
import java.util.List;

/**
 * A subject's signed request that carries their clean samples (for calibration or verification):
 * signature checked, signer is the subject named, samples well-formed.
 *
 * @param subjectId the subject
 * @param payload   the whole signed payload, for the fields of each kind of request
 * @param samples   the samples
 */
public record SamplesRequest(Bytes32 subjectId, JsonNode payload, List<Sample> samples) {

    /**
     * @param slug the problem type of a malformed request of this kind
     */
    public static SamplesRequest parse(String body, int maxSamples, String slug, String title) {
        SignedDocument document = SignedDocumentCodec.parse(body);
        SignedDocumentVerifier.verify(document);
        JsonNode payload = document.payload();
        Bytes32 subjectId = SubjectCheck.signerIsSubject(document, payload.path("subjectId").asText(null));
        List<SamplePayload> samples = new ArrayList<>();
        payload.path("samples").forEach(sample -> samples.add(CanonicalJson.bind(sample, SamplePayload.class)));
        return new SamplesRequest(subjectId, payload, SamplePayload.parseAll(samples, maxSamples,
                detail -> ProblemException.badRequest(slug, title, detail)));
    }
}
