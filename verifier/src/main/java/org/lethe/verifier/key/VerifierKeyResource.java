package org.lethe.verifier.key;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.lethe.evidence.signature.PemKeyFiles;

/** The public key certificates are checked with. */
@Path("/verifier/key")
@Produces(MediaType.APPLICATION_JSON)
public class VerifierKeyResource {

    /**
     * @param keyId     SHA-256 of the key's encoding
     * @param publicKey base64 of the 32-byte Ed25519 key, as in signed documents
     * @param pem       the same key as X.509 PEM, for openssl
     */
    public record PublicKeyView(String keyId, String publicKey, String pem) {
    }

    private final VerifierKey key;

    public VerifierKeyResource(VerifierKey key) {
        this.key = key;
    }

    @GET
    public PublicKeyView publicKey() {
        var publicKey = key.signer().publicKey();
        return new PublicKeyView(publicKey.id().toHex(), publicKey.toBase64(), PemKeyFiles.publicKeyPem(publicKey));
    }
}
