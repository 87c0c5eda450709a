package org.lethe.verifier.trigger;

import org.lethe.evidence.hash.Bytes32;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Triggers at rest: AES-256-GCM under the verifier's key, with the subject id as associated data, so a
 * sealed trigger opens only for its own subject and any changed byte is detected.
 * Sealed form: 12-byte nonce ‖ ciphertext (32-byte salt ‖ canonical spec) with its 16-byte tag.
 */
public final class TriggerVault {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    /**
     * @param key 32 bytes, from the verifier's configuration (never logged)
     */
    public TriggerVault(byte[] key, SecureRandom random) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the trigger key must be 32 bytes (AES-256), got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.random = random;
    }

    public byte[] seal(Bytes32 subjectId, SecretTrigger trigger) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(subjectId.toArray());
            byte[] spec = TriggerCodec.canonicalBytes(trigger.spec());
            byte[] sealed = cipher.doFinal(ByteBuffer.allocate(TriggerCommitment.SALT_BYTES + spec.length)
                    .put(trigger.salt()).put(spec).array());
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /**
     * @throws TamperedTriggerException if the sealed bytes were changed, or belong to another subject
     */
    public SecretTrigger open(Bytes32 subjectId, byte[] sealed) {
        if (sealed.length <= NONCE_BYTES) {
            throw new TamperedTriggerException(subjectId, "sealed trigger is only " + sealed.length + " bytes");
        }
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(sealed, NONCE_BYTES)));
            cipher.updateAAD(subjectId.toArray());
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            int salt = TriggerCommitment.SALT_BYTES;
            return new SecretTrigger(TriggerCodec.parse(Arrays.copyOfRange(plain, salt, plain.length)),
                    Arrays.copyOf(plain, salt));
        } catch (AEADBadTagException e) {
            throw new TamperedTriggerException(subjectId, "authentication tag does not match");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }
}
