package org.lethe.evidence.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.evidence.signature.Ed25519PublicKey;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The envelope of every signed document (contributions, deletion requests, certificates, reports):
 * a JSON payload, the signer's public key, the algorithm and the signature.
 *
 * <p>The signature covers the RFC 8785 canonical form of {@code {algorithm, payload, signer}}, so
 * neither the payload, nor the claimed signer, nor the algorithm can change without breaking it.
 * Immutable; its canonical forms are computed once.
 */
public final class SignedDocument {

    public static final String ED25519 = "Ed25519";

    private final JsonNode payload;
    private final Ed25519PublicKey signer;
    private final String algorithm;
    private final byte[] signature;
    private final String canonical;
    private final byte[] signingInput;

    /**
     * @param payload   the signed content
     * @param signer    the public key that signed it
     * @param algorithm the signature algorithm; {@value #ED25519} is the only one in use
     * @param signature the signature bytes
     */
    public SignedDocument(JsonNode payload, Ed25519PublicKey signer, String algorithm, byte[] signature) {
        this.payload = payload.deepCopy();
        this.signer = signer;
        this.algorithm = algorithm;
        this.signature = signature.clone();
        this.signingInput = signingInput(this.payload, signer, algorithm);
        this.canonical = CanonicalJson.canonicalize(toJson().toString());
    }

    /** A copy of the signed content. */
    public JsonNode payload() {
        return payload.deepCopy();
    }

    public Ed25519PublicKey signer() {
        return signer;
    }

    public String algorithm() {
        return algorithm;
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** The exact bytes the signature is computed over. */
    public byte[] signingInput() {
        return signingInput.clone();
    }

    static byte[] signingInput(JsonNode payload, Ed25519PublicKey signer, String algorithm) {
        ObjectNode covered = JsonNodeFactory.instance.objectNode();
        covered.put("algorithm", algorithm);
        covered.set("payload", payload);
        covered.put("signer", signer.toBase64());
        return CanonicalJson.canonicalBytes(covered);
    }

    /** The whole envelope as a JSON tree; {@link SignedDocumentCodec} reads it back. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("algorithm", algorithm);
        json.set("payload", payload.deepCopy());
        json.put("signature", Base64.getEncoder().encodeToString(signature));
        json.put("signer", signer.toBase64());
        return json;
    }

    /** SHA-256 of the canonical envelope: the document's identity, as recorded on the ledger. */
    public Bytes32 hash() {
        return HashAlgorithm.SHA_256.hash(canonical.getBytes(StandardCharsets.UTF_8));
    }

    /** Equal when the canonical envelopes are equal: 1 and 1.0 in a payload are the same JSON number. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SignedDocument that && canonical.equals(that.canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** The canonical (RFC 8785) JSON of the whole envelope. */
    @Override
    public String toString() {
        return canonical;
    }
}
