package org.lethe.cli.subject;

import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.merkle.MerkleTree;
import org.lethe.ml.data.Sample;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The documents a data subject signs for the model service: contributions and deletion requests. */
public final class SubjectDocuments {

    private final DocumentSigner signer;

    public SubjectDocuments(DocumentSigner signer) {
        this.signer = signer;
    }

    public Bytes32 subjectId() {
        return signer.publicKey().id();
    }

    /** A signed contribution of the samples (base64 pixels and labels). */
    public SignedDocument contribution(List<Sample> samples) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("subjectId", subjectId().toHex());
        payload.put("createdAt", Instant.now().toString());
        payload.put("samples", samples.stream().map(sample -> Map.of("image",
                Base64.getEncoder().encodeToString(sample.image()), "label", sample.label())).toList());
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

    /** A contribution's id: the Merkle root of its sample hashes, in order. */
    public static Bytes32 contributionRoot(List<Sample> samples) {
        return MerkleTree.build(samples.stream().map(Sample::hash).toList()).root();
    }
}
