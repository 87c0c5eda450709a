package org.lethe.evidence.signature;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.security.SecureRandom;

/** An Ed25519 signing key and its public key. {@link #toString()} never shows the private part. */
public final class Ed25519KeyPair {

    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519PublicKey publicKey;

    Ed25519KeyPair(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = new Ed25519PublicKey(privateKey.generatePublicKey());
    }

    /** A fresh key pair from the given randomness. */
    public static Ed25519KeyPair generate(SecureRandom random) {
        return new Ed25519KeyPair(new Ed25519PrivateKeyParameters(random));
    }

    /**
     * The key pair for an RFC 8032 32-byte private key (seed).
     *
     * @throws IllegalArgumentException if the seed is not 32 bytes
     */
    public static Ed25519KeyPair fromSeed(byte[] seed) {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 private key is " + Ed25519PrivateKeyParameters.KEY_SIZE
                    + " bytes, got " + seed.length);
        }
        return new Ed25519KeyPair(new Ed25519PrivateKeyParameters(seed, 0));
    }

    public Ed25519PublicKey publicKey() {
        return publicKey;
    }

    /** The 64-byte Ed25519 signature of {@code message}. */
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    Ed25519PrivateKeyParameters privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "Ed25519KeyPair[public=" + publicKey.toBase64() + "]";
    }
}
