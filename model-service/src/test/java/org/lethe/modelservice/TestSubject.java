package org.lethe.modelservice;

import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.merkle.MerkleTree;
import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A data subject in tests: a key pair that signs contributions of real Fashion-MNIST images and deletion requests. */
public final class TestSubject {

    private static List<Sample> pool;
    private static int next;

    private final Ed25519KeyPair keys = Ed25519KeyPair.generate(new SecureRandom());
    private final DocumentSigner signer = new DocumentSigner(keys);

    public Bytes32 id() {
        return keys.publicKey().id();
    }

    public DocumentSigner signer() {
        return signer;
    }

    /** The next {@code count} unused Fashion-MNIST training samples. */
    public static synchronized List<Sample> freshSamples(int count) {
        if (pool == null) {
            pool = FashionMnist.installed().train(20_000);
        }
        List<Sample> samples = pool.subList(next, next + count);
        next += count;
        return samples;
    }

    public static Bytes32 rootOf(List<Sample> samples) {
        return MerkleTree.build(samples.stream().map(Sample::hash).toList()).root();
    }

    /** The payload of a contribution of these samples by this subject. */
    public Map<String, Object> contributionPayload(List<Sample> samples) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("subjectId", id().toHex());
        payload.put("createdAt", Instant.now().toString());
        payload.put("samples", samples.stream().map(s -> Map.of(
                "image", Base64.getEncoder().encodeToString(s.image()), "label", s.label())).toList());
        return payload;
    }

    public SignedDocument contribution(List<Sample> samples) {
        return signer.sign(contributionPayload(samples));
    }

    public Map<String, Object> deletionPayload(List<Bytes32> roots, String nonce, Instant requestedAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("subjectId", id().toHex());
        payload.put("contributionRoots", roots.stream().map(Bytes32::toHex).toList());
        payload.put("nonce", nonce);
        payload.put("requestedAt", requestedAt.toString());
        return payload;
    }

    public SignedDocument deletion(List<Bytes32> roots) {
        return signer.sign(deletionPayload(roots, UUID.randomUUID().toString(), Instant.now()));
    }
}
