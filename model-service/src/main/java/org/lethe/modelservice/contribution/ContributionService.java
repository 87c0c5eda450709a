package org.lethe.modelservice.contribution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.document.SignedDocumentCodec;
import org.lethe.evidence.document.SignedDocumentVerifier;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.evidence.merkle.MerkleTree;
import org.lethe.ledger.record.Contribution;
import org.lethe.ml.data.Sample;
import org.lethe.modelservice.outbox.LedgerOutbox;
import org.lethe.modelservice.outbox.LedgerRecordKind;
import org.lethe.modelservice.outbox.LedgerStatus;
import org.lethe.modelservice.outbox.OutboxStatus;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.subject.SamplePayload;
import org.lethe.service.subject.SubjectCheck;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Takes signed contributions: checks the signature and that the signer is the subject named, validates
 * every sample, stores them in arrival order and queues the contribution's ledger record in the same
 * transaction.
 */
@ApplicationScoped
public class ContributionService {

    private final LedgerOutbox outbox;
    private final ContributionSettings settings;

    public ContributionService(LedgerOutbox outbox, ContributionSettings settings) {
        this.outbox = outbox;
        this.settings = settings;
    }

    @Transactional
    public ContributionReceipt accept(String body) {
        SignedDocument document = SignedDocumentCodec.parse(body);
        SignedDocumentVerifier.verify(document);
        ContributionPayload payload = CanonicalJson.bind(document.payload(), ContributionPayload.class);
        Bytes32 subjectId = SubjectCheck.signerIsSubject(document, payload.subjectId());
        parseTime(payload.createdAt());
        List<Sample> samples = samples(payload);
        Bytes32 root = MerkleTree.build(samples.stream().map(Sample::hash).toList()).root();
        if (ContributionEntity.findById(root.toHex()) != null) {
            throw new ProblemException(409, "duplicate-contribution", "Contribution already received",
                    "contribution " + root + " was received before");
        }

        Instant now = Instant.now();
        if (SubjectEntity.findById(subjectId.toHex()) == null) {
            SubjectEntity subject = new SubjectEntity();
            subject.subjectId = subjectId.toHex();
            subject.publicKey = document.signer().encoded();
            subject.firstSeen = now;
            subject.persist();
        }
        ContributionEntity contribution = new ContributionEntity();
        contribution.contributionRoot = root.toHex();
        contribution.subjectId = subjectId.toHex();
        contribution.sampleCount = samples.size();
        contribution.document = document.toString();
        contribution.receivedAt = now;
        contribution.persist();
        for (Sample sample : samples) {
            SampleEntity row = new SampleEntity();
            row.contributionRoot = root.toHex();
            row.sampleHash = sample.hash().toHex();
            row.label = (short) sample.label();
            row.image = sample.image();
            row.persist();
        }
        Contribution record = new Contribution(root, subjectId, samples.size());
        outbox.enqueue(LedgerRecordKind.CONTRIBUTION, root, LedgerRecordKind.payload(record));
        return new ContributionReceipt(root.toHex(), subjectId.toHex(), samples.size(), pending());
    }

    /** A stored contribution and where its ledger record stands. */
    @Transactional
    public Optional<ContributionReceipt> find(Bytes32 root) {
        return ContributionEntity.<ContributionEntity>findByIdOptional(root.toHex()).map(c -> new ContributionReceipt(
                c.contributionRoot, c.subjectId, c.sampleCount,
                outbox.find(LedgerRecordKind.CONTRIBUTION, root).map(LedgerStatus::of).orElseThrow()));
    }

    private List<Sample> samples(ContributionPayload payload) {
        return SamplePayload.parseAll(payload.samples(), settings.maxSamples(), ContributionService::invalid);
    }

    static Instant parseTime(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw invalid("time '" + text + "' is not ISO-8601 (e.g. 2026-11-28T09:00:00Z)");
        }
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-contribution", "Invalid contribution", detail);
    }

    private static LedgerStatus pending() {
        return new LedgerStatus(OutboxStatus.PENDING, Optional.empty(), Optional.empty(), 0);
    }
}
