package org.lethe.evidence.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.evidence.signature.Ed25519PublicKey;

import java.util.Base64;

/**
 * The envelope of every signed document (contributions, deletion requests, certificates, reports):
 * a JSON payload, the signer's public key, the algorithm and the signature.
 *
 * <p>The signature covers the RFC 8785 canonical form of {@code {algorithm, payload, signer}}, so
 * neither the payload, nor the claimed signer, nor the algorithm can change without breaking it.
 *
 * @param payload   the signed content
 * @param signer    the public key that signed it
 * @param algorithm the signature algorithm; {@value #ED25519} is the only one in use
 * @param signature the signature bytes
 */
public record SignedDocument(JsonNode payload, Ed25519PublicKey signer, String algorithm, byte[] signature) {

    public static final String ED25519 = "Ed25519";

    public SignedDocument {
        payload = payload.deepCopy();
        signature = signature.clone();
    }

    @Override
    public JsonNode payload() {
        return payload.deepCopy();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The exact bytes the signature is computed over. */
    public byte[] signingInput() {
        return signingInput(payload, signer, algorithm);
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
        return HashAlgorithm.SHA_256.hash(CanonicalJson.canonicalBytes(toJson()));
    }

    /** Equal when the canonical envelopes are equal: 1 and 1.0 in a payload are the same JSON number. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SignedDocument that && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return CanonicalJson.canonicalize(toJson().toString());
    }
}
