package org.lethe.verifier.certificate;

import org.lethe.verifier.verification.CertificateJson;
import org.lethe.verifier.verification.CertificatePayload;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.LedgerReceipt;
import org.lethe.ledger.record.Unlearning;
import org.lethe.service.ledger.LedgerGateway;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.problem.RequestIds;
import org.lethe.verifier.calibration.CalibrationService;
import org.lethe.verifier.calibration.CalibrationView;
import org.lethe.verifier.enrolment.EnrolmentService;
import org.lethe.verifier.enrolment.TriggerBook;
import org.lethe.verifier.job.JobKind;
import org.lethe.verifier.job.JobStatus;
import org.lethe.verifier.job.Jobs;
import org.lethe.verifier.key.VerifierKey;
import org.lethe.verifier.marking.MarkingService;
import org.lethe.verifier.request.SamplesRequest;
import org.lethe.verifier.served.ModelService;
import org.lethe.verifier.served.ServedModel;
import org.lethe.verifier.service.VerifierEngine;
import org.lethe.verifier.service.VerifierSettings;
import org.lethe.verifier.trigger.SecretTrigger;
import org.lethe.verifier.verification.VerificationOutcome;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Verifies deletions: a subject asks with their clean samples; the verification waits until the ledger
 * records the request's execution, measures the served version, signs the certificate and records its
 * hash and figures on the ledger.
 */
@ApplicationScoped
public class VerificationService {

    private final VerifierSettings settings;
    private final Jobs jobs;
    private final TriggerBook triggers;
    private final MarkingService marking;
    private final CalibrationService calibrations;
    private final EnrolmentService enrolments;
    private final ModelService modelService;
    private final LedgerGateway ledger;
    private final VerifierEngine engine;
    private final VerifierKey key;

    public VerificationService(VerifierSettings settings, Jobs jobs, TriggerBook triggers, MarkingService marking,
                               CalibrationService calibrations, EnrolmentService enrolments, ModelService modelService,
                               LedgerGateway ledger, VerifierEngine engine, VerifierKey key) {
        this.settings = settings;
        this.jobs = jobs;
        this.triggers = triggers;
        this.marking = marking;
        this.calibrations = calibrations;
        this.enrolments = enrolments;
        this.modelService = modelService;
        this.ledger = ledger;
        this.engine = engine;
        this.key = key;
    }

    /** Checks the subject's signed request and sets the verification waiting for the ledger. */
    @Transactional
    public VerificationView request(String body) {
        SamplesRequest request = SamplesRequest.parse(body, settings.marking().maxSamples(), "invalid-verification",
                "Invalid verification request");
        Bytes32 subjectId = request.subjectId();
        Bytes32 requestId = RequestIds.parse("requestId", request.payload().path("requestId").asText(null));
        triggers.of(subjectId).orElseThrow(() -> new ProblemException(404, "unknown-subject", "Unknown subject",
                "subject " + subjectId + " is not enrolled"));
        if (calibrations.latest(subjectId).isEmpty()) {
            throw new ProblemException(409, "not-calibrated", "Not calibrated", "subject " + subjectId
                    + " has no calibration: without one no test can be planned");
        }
        marking.requireClean(subjectId, request.samples());
        requireSubjectsDeletion(subjectId, requestId);
        if (VerificationEntity.findById(requestId.toHex()) != null) {
            throw new ProblemException(409, "already-verifying", "Verification exists",
                    "request " + requestId + " has a verification already");
        }
        UUID job = jobs.create(JobKind.VERIFICATION, subjectId, Optional.of(requestId), JobStatus.WAITING,
                "waiting for the ledger to record the deletion's execution", body);
        VerificationEntity verification = new VerificationEntity();
        verification.requestId = requestId.toHex();
        verification.subjectId = subjectId.toHex();
        verification.jobId = job;
        verification.createdAt = Instant.now();
        verification.persist();
        return view(verification);
    }

    /** Whether the ledger now records the execution of the job's deletion request. */
    public boolean executed(UUID job) {
        SamplesRequest request = parse(job);
        return anchor(request).unlearning().isPresent();
    }

    /** Runs a verification whose deletion the ledger records as executed. */
    public void run(UUID job) {
        SamplesRequest request = parse(job);
        Bytes32 subjectId = request.subjectId();
        DeletionAnchor anchor = anchor(request);
        Unlearning unlearning = anchor.unlearning().orElseThrow(() -> new IllegalStateException("not executed yet"));
        CalibrationView calibration = calibrations.latest(subjectId).orElseThrow();
        SecretTrigger trigger = triggers.of(subjectId).orElseThrow();
        Instant started = Instant.now();

        String version = modelService.currentVersion();
        jobs.advance(job, JobStatus.RUNNING, "measuring version " + version);
        ServedModel served = modelService.served();
        var nullModel = engine.nullModel(served, version);
        var nonMembers = engine.nonMemberScores(served, version);
        ServedModel probes = modelService.served();
        VerificationOutcome outcome = engine.engine().verify(probes, nullModel, nonMembers,
                calibration.figures().backdoor(), trigger.spec(), triggers.all(), request.samples());
        engine.requireOnly(version, served, probes);

        var enrolment = enrolments.find(subjectId).orElseThrow();
        CertificatePayload payload = new CertificatePayload(CertificatePayload.TYPE, anchor.requestId().toHex(),
                subjectId.toHex(), version, outcome.decision().verdict().name(), outcome.decision().reason(),
                outcome.plan(), outcome.backdoor(), nullModel, outcome.membership(), calibration.figures(),
                probes.queries(), started.toString(), Instant.now().toString(),
                new CertificatePayload.LedgerEvidence(ledger.client().contractAddress(), enrolment.commitment(),
                        enrolment.transaction(), anchor.target().toHex(), anchor.anchorTransaction(),
                        unlearning.newVersion().toHex(), unlearning.strategy().name(),
                        anchor.unlearningTransaction().orElseThrow()));
        SignedDocument certificate = CertificateJson.sign(key.signer(), payload);
        jobs.advance(job, JobStatus.RUNNING, "recording the certificate on the ledger");
        LedgerReceipt receipt = ledger.client().recordVerification(anchor.requestId(), anchor.batch(),
                outcome.ledgerFigures(certificate.hash()));
        store(anchor.requestId(), outcome, certificate, receipt);
        jobs.finish(job, outcome.decision().verdict() + ": " + outcome.decision().reason());
    }

    @Transactional
    public Optional<VerificationView> find(Bytes32 requestId) {
        return VerificationEntity.<VerificationEntity>findByIdOptional(requestId.toHex()).map(this::view);
    }

    @Transactional
    void store(Bytes32 requestId, VerificationOutcome outcome, SignedDocument certificate, LedgerReceipt receipt) {
        VerificationEntity verification = VerificationEntity.findById(requestId.toHex());
        verification.verdict = outcome.decision().verdict().name();
        verification.certificate = certificate.toString();
        verification.certificateHash = certificate.hash().toHex();
        verification.ledgerTransaction = receipt.txHash();
    }

    private SamplesRequest parse(UUID job) {
        return SamplesRequest.parse(jobs.document(job), settings.marking().maxSamples(), "invalid-verification",
                "Invalid verification request");
    }

    /** The model service must know the deletion request, as a request of this subject. */
    private void requireSubjectsDeletion(Bytes32 subjectId, Bytes32 requestId) {
        JsonNode receipt;
        try {
            receipt = modelService.deletion(requestId.toHex()).orElseThrow(() -> new ProblemException(404,
                    "unknown-deletion", "Unknown deletion request", "the model service has no deletion request " + requestId));
        } catch (UncheckedIOException e) {
            throw new ProblemException(503, "model-service-unavailable", "Model service unavailable",
                    "the deletion request could not be looked up: " + e.getMessage());
        }
        if (!subjectId.toHex().equals(receipt.path("subjectId").asText())) {
            throw new ProblemException(403, "not-subjects-deletion", "Another subject's deletion",
                    "deletion request " + requestId + " was made by another subject");
        }
    }

    private DeletionAnchor anchor(SamplesRequest request) {
        Bytes32 requestId = Bytes32.fromHex(request.payload().path("requestId").asText());
        JsonNode receipt = modelService.deletion(requestId.toHex())
                .orElseThrow(() -> new IllegalStateException("the model service no longer knows request " + requestId));
        return DeletionAnchor.read(ledger.client(), requestId, receipt);
    }

    private VerificationView view(VerificationEntity verification) {
        return new VerificationView(verification.requestId, verification.subjectId, verification.jobId.toString(),
                Optional.ofNullable(verification.verdict),
                Optional.ofNullable(verification.certificate).map(CanonicalJson::parse),
                Optional.ofNullable(verification.certificateHash), Optional.ofNullable(verification.ledgerTransaction));
    }
}
