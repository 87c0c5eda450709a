package org.lethe.service.subject;

import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.merkle.MerkleTree;
import org.lethe.ml.data.Sample;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents a data subject signs (the CLI and tests alike): for the verifier, enrolment, samples to mark or calibrate with, and
 * verification requests; for the model service, contributions and deletion requests.
 */
public final class SubjectDocuments {

    private final DocumentSigner signer;

    public SubjectDocuments(DocumentSigner signer) {
        this.signer = signer;
    }

    public Bytes32 subjectId() {
        return signer.publicKey().id();
    }

    /** A signed enrolment with the verifier. */
    public SignedDocument enrolment() {
        return signer.sign(stamped());
    }

    /**
     * Signed samples (base64 pixels and labels): a contribution for the model service, samples to mark or
     * to calibrate with for the verifier.
     */
    public SignedDocument samples(List<Sample> samples) {
        Map<String, Object> payload = stamped();
        payload.put("samples", samples.stream().map(SamplePayload::of).toList());
        return signer.sign(payload);
    }

    /** A signed request to verify the deletion {@code requestId}, with the clean samples the membership test scores. */
    public SignedDocument verification(Bytes32 requestId, List<Sample> cleanSamples) {
        Map<String, Object> payload = stamped();
        payload.put("requestId", requestId.toHex());
        payload.put("samples", cleanSamples.stream().map(SamplePayload::of).toList());
        return signer.sign(payload);
    }

    /** A signed request to delete the contributions with these roots. */
    public SignedDocument deletion(List<Bytes32> contributionRoots, String nonce) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("subjectId", subjectId().toHex());
        payload.put("contributionRoots", contributionRoots.stream().map(Bytes32::toHex).toList());
        payload.put("nonce", nonce);
        payload.put("requestedAt", Instant.now().toString());
        return signer.sign(payload);
    }

    private Map<String, Object> stamped() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("subjectId", subjectId().toHex());
        payload.put("createdAt", Instant.now().toString());
        return payload;
    }

    /** A contribution's id: the Merkle root of its sample hashes, in order. */
    public static Bytes32 contributionRoot(List<Sample> samples) {
        return MerkleTree.build(samples.stream().map(Sample::hash).toList()).root();
    }
}
