package org.lethe.evidence.hash;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;

import java.util.function.Supplier;

/**
 * The project's one hashing entry point. SHA-256 names subjects, samples and documents;
 * Keccak-256 is what the EVM computes, so everything the contract re-hashes uses it.
 */
public enum HashAlgorithm {
    SHA_256(SHA256Digest::new),
    /** Ethereum's Keccak-256 (original Keccak padding, not NIST SHA3-256). */
    KECCAK_256(() -> new KeccakDigest(256));

    private final Supplier<Digest> digests;

    HashAlgorithm(Supplier<Digest> digests) {
        this.digests = digests;
    }

    /** Hashes the concatenation of the given parts. */
    public Bytes32 hash(byte[]... parts) {
        Digest digest = digests.get();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return Bytes32.of(out);
    }

    /** Hashes the concatenation of 32-byte values, as Solidity's {@code abi.encodePacked} of {@code bytes32}s. */
    public Bytes32 hash(Bytes32... parts) {
        byte[][] bytes = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = parts[i].toArray();
        }
        return hash(bytes);
    }
}
