package org.lethe.evidence.document;

import com.fasterxml.jackson.databind.JsonNode;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.evidence.json.InvalidJsonException;
import org.lethe.evidence.signature.Ed25519PublicKey;

import java.util.Base64;

/** Reads {@link SignedDocument} envelopes from JSON; parsing only, {@link SignedDocumentVerifier} checks them. */
public final class SignedDocumentCodec {

    private SignedDocumentCodec() {
    }

    /**
     * @throws MalformedDocumentException naming the field that is missing or unreadable
     */
    public static SignedDocument parse(String json) {
        try {
            return fromJson(CanonicalJson.parse(json));
        } catch (InvalidJsonException e) {
            throw new MalformedDocumentException(e.getMessage());
        }
    }

    /**
     * @throws MalformedDocumentException naming the field that is missing or unreadable
     */
    public static SignedDocument fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new MalformedDocumentException("a signed document is a JSON object");
        }
        JsonNode payload = json.get("payload");
        if (payload == null || payload.isNull()) {
            throw new MalformedDocumentException("missing field 'payload'");
        }
        String algorithm = text(json, "algorithm");
        Ed25519PublicKey signer;
        try {
            signer = Ed25519PublicKey.fromBase64(text(json, "signer"));
        } catch (IllegalArgumentException e) {
            throw new MalformedDocumentException("field 'signer' is not a base64 Ed25519 public key: " + e.getMessage());
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(text(json, "signature"));
        } catch (IllegalArgumentException e) {
            throw new MalformedDocumentException("field 'signature' is not base64: " + e.getMessage());
        }
        return new SignedDocument(payload, signer, algorithm, signature);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedDocumentException("missing or non-text field '" + field + "'");
        }
        return value.asText();
    }
}
