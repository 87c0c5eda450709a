package org.lethe.verifier.trigger;

import org.lethe.evidence.hash.Bytes32;

import java.util.Arrays;

/**
 * A subject's trigger with the salt of its commitment: both secret, since with the salt the few hundred
 * million possible triggers could be tried against the public commitment one by one.
 *
 * @param spec the trigger
 * @param salt the commitment's {@value TriggerCommitment#SALT_BYTES}-byte salt
 */
public record SecretTrigger(TriggerSpec spec, byte[] salt) {

    public SecretTrigger {
        if (salt.length != TriggerCommitment.SALT_BYTES) {
            throw new IllegalArgumentException("a commitment salt is " + TriggerCommitment.SALT_BYTES + " bytes, got "
                    + salt.length);
        }
        salt = salt.clone();
    }

    /** H(spec ‖ salt), what goes on the ledger. */
    public Bytes32 commitment() {
        return TriggerCommitment.of(spec, salt);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretTrigger that && spec.equals(that.spec) && Arrays.equals(salt, that.salt);
    }

    @Override
    public int hashCode() {
        return spec.hashCode() * 31 + Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "SecretTrigger[secret]";
    }
}
