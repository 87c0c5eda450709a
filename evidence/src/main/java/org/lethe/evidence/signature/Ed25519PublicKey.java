package org.lethe.evidence.signature;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;

import java.util.Arrays;
import java.util.Base64;

/** An Ed25519 public key (RFC 8032), held as its 32-byte encoding. */
public final class Ed25519PublicKey {

    private final Ed25519PublicKeyParameters parameters;
    private final Bytes32 id;

    Ed25519PublicKey(Ed25519PublicKeyParameters parameters) {
        this.parameters = parameters;
        this.id = HashAlgorithm.SHA_256.hash(parameters.getEncoded());
    }

    /**
     * @throws IllegalArgumentException if the bytes are not a 32-byte Ed25519 public key encoding
     */
    public static Ed25519PublicKey fromEncoded(byte[] encoded) {
        if (encoded.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key is " + Ed25519PublicKeyParameters.KEY_SIZE
                    + " bytes, got " + encoded.length);
        }
        return new Ed25519PublicKey(new Ed25519PublicKeyParameters(encoded, 0));
    }

    /** Parses the standard base64 of the 32-byte encoding. */
    public static Ed25519PublicKey fromBase64(String base64) {
        return fromEncoded(Base64.getDecoder().decode(base64));
    }

    public byte[] encoded() {
        return parameters.getEncoded();
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(encoded());
    }

    /** The identifier of whoever holds the matching private key: SHA-256 of the 32-byte encoding. */
    public Bytes32 id() {
        return id;
    }

    /** True when {@code signature} is this key's Ed25519 signature of {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, parameters);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    Ed25519PublicKeyParameters parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ed25519PublicKey that && Arrays.equals(encoded(), that.encoded());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded());
    }

    @Override
    public String toString() {
        return "Ed25519PublicKey[" + toBase64() + "]";
    }
}
