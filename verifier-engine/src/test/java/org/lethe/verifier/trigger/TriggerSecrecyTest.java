package org.lethe.verifier.trigger;

import org.junit.jupiter.api.Test;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TriggerSecrecyTest {

    private final SecureRandom random = new SecureRandom();
    private final TriggerSpec trigger = new TriggerGenerator(random, 4, TriggerRegion.wholeImage()).draw();
    private final Bytes32 subject = HashAlgorithm.SHA_256.hash("subject".getBytes(StandardCharsets.UTF_8));

    @Test
    void commitmentOpensOnlyWithTheSameSpecAndSalt() {
        byte[] salt = new byte[TriggerCommitment.SALT_BYTES];
        random.nextBytes(salt);
        Bytes32 commitment = TriggerCommitment.of(trigger, salt);
        byte[] otherSalt = salt.clone();
        otherSalt[0] ^= 1;

        assertTrue(TriggerCommitment.opens(commitment, trigger, salt));
        assertFalse(TriggerCommitment.opens(commitment, trigger, otherSalt));
        assertFalse(TriggerCommitment.opens(commitment, new TriggerGenerator(random, 4, TriggerRegion.wholeImage()).draw(), salt));
        assertNotEquals(commitment, TriggerCommitment.of(trigger, otherSalt));
        assertThrows(IllegalArgumentException.class, () -> TriggerCommitment.of(trigger, new byte[8]));
    }

    private SecretTrigger secret() {
        byte[] salt = new byte[TriggerCommitment.SALT_BYTES];
        random.nextBytes(salt);
        return new SecretTrigger(trigger, salt);
    }

    @Test
    void sealedTriggerOpensWithItsSaltForItsSubjectOnly() {
        TriggerVault vault = vault();
        SecretTrigger secret = secret();
        byte[] sealed = vault.seal(subject, secret);

        SecretTrigger opened = vault.open(subject, sealed);
        assertEquals(secret, opened);
        assertEquals(secret.commitment(), opened.commitment());
        assertEquals("SecretTrigger[secret]", opened.toString());
        Bytes32 other = HashAlgorithm.SHA_256.hash("other".getBytes(StandardCharsets.UTF_8));
        assertThrows(TamperedTriggerException.class, () -> vault.open(other, sealed));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("targetLabel"),
                "the spec is not readable at rest");
    }

    @Test
    void anyChangedByteOfASealedTriggerIsDetected() {
        TriggerVault vault = vault();
        byte[] sealed = vault.seal(subject, secret());
        for (int i = 0; i < sealed.length; i += 7) {
            byte[] changed = sealed.clone();
            changed[i] ^= 0x01;
            TamperedTriggerException error = assertThrows(TamperedTriggerException.class, () -> vault.open(subject, changed));
            assertFalse(error.getMessage().contains("position"), "the error says nothing of the secret");
        }
        assertThrows(TamperedTriggerException.class, () -> vault.open(subject, new byte[5]));
    }

    @Test
    void theVaultNeedsA256BitKey() {
        assertThrows(IllegalArgumentException.class, () -> new TriggerVault(new byte[16], random));
    }

    private TriggerVault vault() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new TriggerVault(key, random);
    }
}
