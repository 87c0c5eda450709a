package org.lethe.modelservice.deletion;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.document.SignedDocumentCodec;
import org.lethe.evidence.document.SignedDocumentVerifier;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.evidence.merkle.MerkleTree;
import org.lethe.modelservice.contribution.ContributionOwners;
import org.lethe.modelservice.contribution.SubjectEntity;
import org.lethe.modelservice.outbox.DeletionBatcher;
import org.lethe.modelservice.outbox.LedgerOutbox;
import org.lethe.modelservice.outbox.OutboxEntry;
import org.lethe.modelservice.outbox.OutboxStatus;
import org.lethe.modelservice.outbox.LedgerRecordKind;
import org.lethe.modelservice.outbox.LedgerStatus;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.subject.SubjectCheck;
import org.lethe.service.problem.RequestIds;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Takes signed deletion requests. The signature must verify with the key of the subject named, who
 * must be known and own every contribution named, each once and in no earlier request; the nonce must be
 * new for the subject and the time within the clock window. The request is stored and its hashes queued for the ledger in one
 * (group) commit before the receipt; a refused request changes nothing.
 */
@ApplicationScoped
public class DeletionService {

    private final LedgerOutbox outbox;
    private final DeletionBatcher batcher;
    private final DeletionIntake intake;
    private final ContributionOwners owners;
    private final DeletionSettings settings;

    public DeletionService(LedgerOutbox outbox, DeletionBatcher batcher, DeletionIntake intake,
                           ContributionOwners owners, DeletionSettings settings) {
        this.outbox = outbox;
        this.batcher = batcher;
        this.intake = intake;
        this.owners = owners;
        this.settings = settings;
    }

    /**
     * Checks the request, waits for its group commit (request and outbox entry durable together) and
     * returns the receipt. Not transactional itself: the intake writer commits many requests at once.
     */
    public DeletionReceipt accept(String body) {
        SignedDocument document = SignedDocumentCodec.parse(body);
        SignedDocumentVerifier.verify(document);
        DeletionRequestPayload payload = CanonicalJson.bind(document.payload(), DeletionRequestPayload.class);
        Bytes32 subjectId = SubjectCheck.signerIsSubject(document, payload.subjectId());
        Instant requestedAt = requestedAt(payload.requestedAt());
        String nonce = nonce(payload.nonce());
        List<Bytes32> roots = ownedContributions(subjectId, payload.contributionRoots());
        Bytes32 contributionsRoot = roots.size() == 1 ? roots.get(0) : MerkleTree.build(roots.stream().sorted().toList()).root();
        AcceptedDeletion accepted = new AcceptedDeletion(document.hash(), subjectId, nonce, roots, contributionsRoot,
                requestedAt, Instant.now(), document.toString());
        awaitWritten(accepted);
        return new DeletionReceipt(accepted.requestId().toHex(), subjectId.toHex(),
                roots.stream().map(Bytes32::toHex).toList(), contributionsRoot.toHex(), requestedAt,
                accepted.receivedAt(), new LedgerStatus(OutboxStatus.PENDING, Optional.empty(), Optional.empty(), 0),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static ProblemException replayed(Bytes32 subjectId, String nonce) {
        return new ProblemException(409, "replayed-nonce", "Nonce already used",
                "subject " + subjectId + " already sent a request with nonce '" + nonce + "'");
    }

    private void awaitWritten(AcceptedDeletion accepted) {
        try {
            intake.write(accepted).get(settings.groupCommitTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof ProblemException problem ? problem
                    : new ProblemException(503, "intake-unavailable", "Deletion intake unavailable", e.getMessage());
        } catch (TimeoutException e) {
            throw new ProblemException(503, "intake-busy", "Deletion intake busy",
                    "the request was not stored within " + settings.groupCommitTimeout() + "; send it again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "intake-unavailable", "Deletion intake unavailable", "interrupted");
        }
    }

    @Transactional
    public Optional<DeletionReceipt> find(Bytes32 requestId) {
        return DeletionRequestEntity.<DeletionRequestEntity>findByIdOptional(requestId.toHex()).map(this::receipt);
    }

    /** A batch's members in leaf order, each with its subject: whoever reads the root on chain can check the list. */
    @Transactional
    public Optional<DeletionBatchView> batch(Bytes32 batchRoot) {
        return batcher.members(batchRoot.toHex()).map(members -> {
            Map<String, String> subjects = new HashMap<>();
            DeletionRequestEntity.<DeletionRequestEntity>list("requestId in ?1", members.stream().map(Bytes32::toHex).toList())
                    .forEach(request -> subjects.put(request.requestId, request.subjectId));
            List<DeletionBatchView.Member> listed = members.stream().map(id -> new DeletionBatchView.Member(id.toHex(),
                    subjects.get(id.toHex()))).toList();
            LedgerStatus ledger = LedgerStatus.of(outbox.find(LedgerRecordKind.DELETION_BATCH, batchRoot).orElseThrow());
            return new DeletionBatchView(batchRoot.toHex(), listed, ledger);
        });
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
            Optional<Bytes32> owner = owners.owner(root);
            if (!owner.equals(Optional.of(subjectId))) {
                if (QuarkusTransaction.requiringNew().call(() -> SubjectEntity.findById(subjectId.toHex())) == null) {
                    throw new ProblemException(404, "unknown-subject", "Unknown subject",
                            "subject " + subjectId + " has contributed nothing here");
                }
                throw owner.isEmpty()
                        ? new ProblemException(404, "unknown-contribution", "Unknown contribution", "no contribution " + root)
                        : new ProblemException(403, "foreign-contribution", "Not the subject's data",
                                "contribution " + root + " belongs to another subject");
            }
            if (!unique.add(root)) {
                throw invalid("contribution root " + root + " is named twice");
            }
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
