package org.lethe.verifier.trigger;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;

/**
 * The verifier's public promise about a secret trigger, recorded on the ledger before any training:
 * {@code SHA-256(canonical spec ‖ salt)}. Revealing spec and salt later lets anyone check the trigger was
 * fixed in advance; the random salt keeps the commitment from revealing a small spec by brute force.
 */
public final class TriggerCommitment {

    /** Salt length in bytes. */
    public static final int SALT_BYTES = 32;

    private TriggerCommitment() {
    }

    public static Bytes32 of(TriggerSpec spec, byte[] salt) {
        if (salt.length != SALT_BYTES) {
            throw new IllegalArgumentException("salt must be " + SALT_BYTES + " bytes, got " + salt.length);
        }
        return HashAlgorithm.SHA_256.hash(TriggerCodec.canonicalBytes(spec), salt);
    }

    /** Whether spec and salt open the commitment. */
    public static boolean opens(Bytes32 commitment, TriggerSpec spec, byte[] salt) {
        return salt.length == SALT_BYTES && of(spec, salt).equals(commitment);
    }
}
