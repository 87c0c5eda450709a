package org.lethe.evidence.document;

import com.fasterxml.jackson.databind.JsonNode;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.evidence.signature.Ed25519PublicKey;

/** Signs payloads into {@link SignedDocument}s. */
public final class DocumentSigner {

    private final Ed25519KeyPair keyPair;

    public DocumentSigner(Ed25519KeyPair keyPair) {
        this.keyPair = keyPair;
    }

    /** The key that verifies this signer's documents. */
    public Ed25519PublicKey publicKey() {
        return keyPair.publicKey();
    }

    public SignedDocument sign(JsonNode payload) {
        byte[] input = SignedDocument.signingInput(payload, keyPair.publicKey(), SignedDocument.ED25519);
        return new SignedDocument(payload, keyPair.publicKey(), SignedDocument.ED25519, keyPair.sign(input));
    }

    /** Signs a value (a record, a map) by way of its JSON tree. */
    public SignedDocument sign(Object payload) {
        return sign(CanonicalJson.toTree(payload));
    }
}
