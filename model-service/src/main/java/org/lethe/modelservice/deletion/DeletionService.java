package org.lethe.modelservice.deletion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.document.SignedDocumentCodec;
import org.lethe.evidence.document.SignedDocumentVerifier;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.evidence.merkle.MerkleTree;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.modelservice.contribution.ContributionEntity;
import org.lethe.modelservice.contribution.SubjectCheck;
import org.lethe.modelservice.contribution.SubjectEntity;
import org.lethe.modelservice.outbox.DeletionBatcher;
import org.lethe.modelservice.outbox.LedgerOutbox;
import org.lethe.modelservice.outbox.OutboxEntry;
import org.lethe.modelservice.outbox.OutboxStatus;
import org.lethe.modelservice.outbox.LedgerRecordKind;
import org.lethe.modelservice.outbox.LedgerStatus;
import org.lethe.modelservice.problem.ProblemException;
import org.lethe.modelservice.problem.RequestIds;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Takes signed deletion requests. The signature must verify with the key of the subject named, who
 * must be known and own every contribution named; the nonce must be new for the subject and the time
 * within the clock window. The request is stored and its hashes queued for the ledger in one
 * transaction; a refused request changes nothing.
 */
@ApplicationScoped
public class DeletionService {

    private final LedgerOutbox outbox;
    private final DeletionBatcher batcher;
    private final DeletionSettings settings;

    public DeletionService(LedgerOutbox outbox, DeletionBatcher batcher, DeletionSettings settings) {
        this.outbox = outbox;
        this.batcher = batcher;
        this.settings = settings;
    }

    @Transactional
    public DeletionReceipt accept(String body) {
        SignedDocument document = SignedDocumentCodec.parse(body);
        SignedDocumentVerifier.verify(document);
        DeletionRequestPayload payload = CanonicalJson.bind(document.payload(), DeletionRequestPayload.class);
        Bytes32 subjectId = SubjectCheck.signerIsSubject(document, payload.subjectId());
        Instant requestedAt = requestedAt(payload.requestedAt());
        String nonce = nonce(payload.nonce());
        List<Bytes32> roots = ownedContributions(subjectId, payload.contributionRoots());

        Bytes32 requestId = document.hash();
        Bytes32 contributionsRoot = roots.size() == 1 ? roots.get(0) : MerkleTree.build(roots.stream().sorted().toList()).root();
        DeletionRequestEntity request = new DeletionRequestEntity();
        request.requestId = requestId.toHex();
        request.subjectId = subjectId.toHex();
        request.nonce = nonce;
        request.contributionsRoot = contributionsRoot.toHex();
        request.requestedAt = requestedAt;
        request.receivedAt = Instant.now();
        request.document = document.toString();
        request.contributionRoots = new ArrayList<>(roots.stream().map(Bytes32::toHex).toList());
        try {
            // the unique (subject, nonce) constraint is the replay check: one statement, and safe under concurrency
            request.persistAndFlush();
        } catch (PersistenceException e) {
            throw new ProblemException(409, "replayed-nonce", "Nonce already used",
                    "subject " + subjectId + " already sent a request with nonce '" + nonce + "'");
        }
        DeletionRequest record = new DeletionRequest(requestId, subjectId, contributionsRoot,
                Instant.ofEpochSecond(requestedAt.getEpochSecond()));
        outbox.enqueue(LedgerRecordKind.DELETION_REQUEST, requestId, LedgerRecordKind.payload(record));
        return new DeletionReceipt(request.requestId, request.subjectId, List.copyOf(request.contributionRoots),
                request.contributionsRoot, request.requestedAt, request.receivedAt,
                new LedgerStatus(OutboxStatus.PENDING, Optional.empty(), Optional.empty(), 0), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Transactional
    public Optional<DeletionReceipt> find(Bytes32 requestId) {
        return DeletionRequestEntity.<DeletionRequestEntity>findByIdOptional(requestId.toHex()).map(this::receipt);
    }

    private DeletionReceipt receipt(DeletionRequestEntity request) {
        Bytes32 id = Bytes32.fromHex(request.requestId);
        OutboxEntry anchoring = outbox.find(LedgerRecordKind.DELETION_REQUEST, id).orElseThrow();
        Optional<DeletionBatcher.BatchInclusion> batch = Optional.ofNullable(anchoring.batchRoot)
                .flatMap(root -> batcher.inclusion(root, id));
        LedgerStatus ledger = batch.flatMap(b -> outbox.find(LedgerRecordKind.DELETION_BATCH, Bytes32.fromHex(b.batchRoot())))
                .map(LedgerStatus::of).orElseGet(() -> LedgerStatus.of(anchoring));
        return new DeletionReceipt(request.requestId, request.subjectId, List.copyOf(request.contributionRoots),
                request.contributionsRoot, request.requestedAt, request.receivedAt, ledger, batch,
                Optional.ofNullable(request.executedVersion), Optional.ofNullable(request.executedAt),
                outbox.executionTarget(id).flatMap(target -> outbox.find(LedgerRecordKind.UNLEARNING, target))
                        .map(LedgerStatus::of));
    }

    /** The named contributions, each the subject's own; the subject is looked up only to explain a refusal. */
    private List<Bytes32> ownedContributions(Bytes32 subjectId, List<String> roots) {
        if (roots == null || roots.isEmpty()) {
            throw invalid("name at least one contribution root");
        }
        Set<Bytes32> unique = new LinkedHashSet<>();
        for (String text : roots) {
            Bytes32 root = RequestIds.parse("contribution root", text);
            ContributionEntity contribution = ContributionEntity.findById(root.toHex());
            if (contribution == null || !contribution.subjectId.equals(subjectId.toHex())) {
                if (SubjectEntity.findById(subjectId.toHex()) == null) {
                    throw new ProblemException(404, "unknown-subject", "Unknown subject",
                            "subject " + subjectId + " has contributed nothing here");
                }
                throw contribution == null
                        ? new ProblemException(404, "unknown-contribution", "Unknown contribution", "no contribution " + root)
                        : new ProblemException(403, "foreign-contribution", "Not the subject's data",
                                "contribution " + root + " belongs to another subject");
            }
            unique.add(root);
        }
        return List.copyOf(unique);
    }

    private Instant requestedAt(String text) {
        Instant requestedAt;
        try {
            requestedAt = Instant.parse(String.valueOf(text));
        } catch (DateTimeParseException e) {
            throw invalid("requestedAt '" + text + "' is not ISO-8601 (e.g. 2026-11-28T09:00:00Z)");
        }
        Duration skew = Duration.between(Instant.now(), requestedAt).abs();
        if (skew.compareTo(settings.maxClockSkew()) > 0) {
            throw ProblemException.badRequest("request-time-outside-window", "Request time outside the window",
                    "requestedAt " + requestedAt + " is " + skew.toSeconds() + " s from the service's clock; at most "
                            + settings.maxClockSkew().toSeconds() + " s are accepted");
        }
        return requestedAt;
    }

    private String nonce(String nonce) {
        if (nonce == null || nonce.isBlank() || nonce.length() > settings.maxNonceLength()) {
            throw invalid("nonce must be 1.." + settings.maxNonceLength() + " characters");
        }
        return nonce;
    }

    private static ProblemException invalid(String detail) {
        return ProblemException.badRequest("invalid-deletion-request", "Invalid deletion request", detail);
    }
}
