package org.lethe.verifier.enrolment;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.verifier.service.VerifierSettings;
import org.lethe.verifier.trigger.SecretTrigger;
import org.lethe.verifier.trigger.TriggerSpec;
import org.lethe.verifier.trigger.TriggerVault;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The enrolled subjects' triggers, opened from the database once and kept in memory: every enrolment
 * checks a new trigger against all of them, and every probe's decoy too.
 */
@ApplicationScoped
public class TriggerBook {

    private final TriggerVault vault;
    private Map<Bytes32, SecretTrigger> triggers = new LinkedHashMap<>();

    public TriggerBook(VerifierSettings settings) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(settings.triggers().vaultKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("lethe.verifier.triggers.vault-key is not base64");
        }
        this.vault = new TriggerVault(key, new SecureRandom());
    }

    /** Every enrolled trigger. */
    public synchronized List<TriggerSpec> all() {
        return triggers.values().stream().map(SecretTrigger::spec).toList();
    }

    public synchronized Optional<SecretTrigger> of(Bytes32 subjectId) {
        return Optional.ofNullable(triggers.get(subjectId));
    }

    /** The sealed form to store; the book holds the trigger once the enrolment is committed. */
    public byte[] seal(Bytes32 subjectId, SecretTrigger trigger) {
        return vault.seal(subjectId, trigger);
    }

    public synchronized void add(Bytes32 subjectId, SecretTrigger trigger) {
        triggers.put(subjectId, trigger);
    }

    /** Opens every stored trigger at start-up; a tampered one stops the service. */
    @Transactional
    synchronized void load(@Observes StartupEvent started) {
        Map<Bytes32, SecretTrigger> opened = new LinkedHashMap<>();
        SubjectEntity.<SubjectEntity>listAll().forEach(subject -> {
            Bytes32 id = Bytes32.fromHex(subject.subjectId);
            opened.put(id, vault.open(id, subject.sealedTrigger));
        });
        triggers = opened;
    }
}
