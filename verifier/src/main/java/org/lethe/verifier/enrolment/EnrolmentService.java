package org.lethe.verifier.enrolment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.document.SignedDocumentCodec;
import org.lethe.evidence.document.SignedDocumentVerifier;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.ledger.LedgerReceipt;
import org.lethe.ledger.LedgerUnavailableException;
import org.lethe.ledger.revert.DuplicateRecordException;
import org.lethe.service.ledger.LedgerGateway;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.subject.SubjectCheck;
import org.lethe.verifier.service.VerifierReference;
import org.lethe.verifier.service.VerifierSettings;
import org.lethe.verifier.trigger.SecretTrigger;
import org.lethe.verifier.trigger.TriggerCommitment;
import org.lethe.verifier.trigger.TriggerSpec;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Enrols subjects: draws a trigger clear of every enrolled one, commits to it on the ledger, and only
 * then stores it sealed. A failed ledger write stores nothing. One enrolment at a time, so two new
 * triggers are never checked against the same old set.
 */
@ApplicationScoped
public class EnrolmentService {

    private final VerifierSettings settings;
    private final VerifierReference reference;
    private final TriggerBook book;
    private final LedgerGateway ledger;

    public EnrolmentService(VerifierSettings settings, VerifierReference reference, TriggerBook book, LedgerGateway ledger) {
        this.settings = settings;
        this.reference = reference;
        this.book = book;
        this.ledger = ledger;
    }

    public synchronized EnrolmentReceipt enrol(String body) {
        SignedDocument document = SignedDocumentCodec.parse(body);
        SignedDocumentVerifier.verify(document);
        EnrolmentPayload payload = CanonicalJson.bind(document.payload(), EnrolmentPayload.class);
        Bytes32 subjectId = SubjectCheck.signerIsSubject(document, payload.subjectId());
        parseTime(payload.createdAt());
        if (find(subjectId).isPresent()) {
            throw new ProblemException(409, "already-enrolled", "Subject already enrolled",
                    "subject " + subjectId + " is enrolled; a subject has one trigger");
        }
        TriggerSpec spec = reference.generator().drawEnrollable(book.all(), reference.collisions(),
                        settings.triggers().drawAttempts())
                .orElseThrow(() -> new ProblemException(503, "no-trigger-available", "No trigger available",
                        "no trigger clear of the " + book.all().size() + " enrolled ones, leaving every target room for decoys, turned up in "
                                + settings.triggers().drawAttempts() + " draws; the trigger region is full"));
        byte[] salt = new byte[TriggerCommitment.SALT_BYTES];
        reference.random().nextBytes(salt);
        SecretTrigger trigger = new SecretTrigger(spec, salt);
        LedgerReceipt receipt = commit(subjectId, trigger);

        SubjectEntity subject = new SubjectEntity();
        subject.subjectId = subjectId.toHex();
        subject.publicKey = document.signer().encoded();
        subject.sealedTrigger = book.seal(subjectId, trigger);
        subject.commitment = trigger.commitment().toHex();
        subject.commitTransaction = receipt.txHash();
        subject.enrolledAt = Instant.now();
        QuarkusTransaction.requiringNew().run(subject::persist);
        book.add(subjectId, trigger);
        return EnrolmentReceipt.of(subject);
    }

    public Optional<EnrolmentReceipt> find(Bytes32 subjectId) {
        return QuarkusTransaction.requiringNew().call(() -> SubjectEntity.<SubjectEntity>findByIdOptional(subjectId.toHex())
                .map(EnrolmentReceipt::of));
    }

    /** Commits on the ledger; a commitment left there by an enrolment whose storing failed is rotated. */
    private LedgerReceipt commit(Bytes32 subjectId, SecretTrigger trigger) {
        try {
            try {
                return ledger.client().commitTrigger(subjectId, trigger.commitment());
            } catch (DuplicateRecordException leftOver) {
                return ledger.client().rotateTrigger(subjectId, trigger.commitment());
            }
        } catch (LedgerUnavailableException e) {
            ledger.reset();
            throw new ProblemException(503, "ledger-unavailable", "Ledger unavailable",
                    "the trigger commitment could not be written, nothing was stored: " + e.getMessage());
        }
    }

    private static void parseTime(String text) {
        try {
            Instant.parse(String.valueOf(text));
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-enrolment", "Invalid enrolment",
                    "createdAt '" + text + "' is not ISO-8601 (e.g. 2026-11-28T09:00:00Z)");
        }
    }
}
