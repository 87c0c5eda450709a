package org.lethe.verifier.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.ledger.FigureCodec;
import org.lethe.ledger.event.EventQuery;
import org.lethe.ledger.event.LedgerEvent;
import org.lethe.ledger.record.Recorded;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.Verdict;
import org.lethe.ledger.record.Verification;
import org.lethe.ledger.revert.LedgerAccessDeniedException;
import org.lethe.ledger.revert.LedgerRevertException;
import org.lethe.service.client.TrainingSetQuery;
import org.lethe.service.ledger.LedgerGateway;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.problem.RequestIds;
import org.lethe.verifier.backdoor.NullModel;
import org.lethe.verifier.calibration.CalibrationService;
import org.lethe.verifier.calibration.CalibrationView;
import org.lethe.verifier.calibration.VersionNotRecordedException;
import org.lethe.verifier.enrolment.EnrolmentService;
import org.lethe.verifier.enrolment.TriggerBook;
import org.lethe.verifier.job.JobKind;
import org.lethe.verifier.job.JobStatus;
import org.lethe.verifier.job.Jobs;
import org.lethe.verifier.key.VerifierKey;
import org.lethe.verifier.marking.MarkingService;
import org.lethe.verifier.replay.ReplayRun;
import org.lethe.verifier.replay.ServiceReplay;
import org.lethe.verifier.request.SamplesRequest;
import org.lethe.verifier.sentinel.SentinelService;
import org.lethe.verifier.served.ModelService;
import org.lethe.verifier.served.ServedModel;
import org.lethe.verifier.service.VerifierEngine;
import org.lethe.verifier.service.VerifierSettings;
import org.lethe.verifier.trigger.SecretTrigger;
import org.lethe.verifier.verification.CertificateJson;
import org.lethe.verifier.verification.CertificatePayload;
import org.lethe.verifier.verification.DataCheck;
import org.lethe.verifier.verification.Evidence;
import org.lethe.verifier.verification.VerificationOutcome;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Verifies deletions: a subject asks with their clean samples; the verification waits until the ledger
 * records the request's execution, measures the served version, signs the certificate and records its
 * hash and figures on the ledger. An execution nobody asked about gets the backdoor test on its own
 * ({@link UnlearningWatch}); the subject's request later completes it.
 */
@ApplicationScoped
public class VerificationService {

    private static final Logger LOG = Logger.getLogger(VerificationService.class);

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
    private final SentinelService sentinels;
    private final ServiceReplay replays;

    public VerificationService(VerifierSettings settings, Jobs jobs, TriggerBook triggers, MarkingService marking,
                               CalibrationService calibrations, EnrolmentService enrolments, ModelService modelService,
                               LedgerGateway ledger, VerifierEngine engine, VerifierKey key, SentinelService sentinels,
                               ServiceReplay replays) {
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
        this.sentinels = sentinels;
        this.replays = replays;
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
        VerificationEntity existing = VerificationEntity.findById(requestId.toHex());
        boolean completesAutomatic = existing != null && existing.automatic && existing.verdict == null;
        if (existing != null && !completesAutomatic) {
            throw new ProblemException(409, "already-verifying", "Verification exists",
                    "request " + requestId + " has a verification already");
        }
        UUID job = jobs.create(JobKind.VERIFICATION, subjectId, Optional.of(requestId), JobStatus.WAITING,
                "waiting for the ledger to record the deletion's execution", body);
        VerificationEntity verification = completesAutomatic ? existing : new VerificationEntity();
        verification.jobId = job;
        if (!completesAutomatic) {
            verification.requestId = requestId.toHex();
            verification.subjectId = subjectId.toHex();
            verification.createdAt = Instant.now();
            verification.persist();
        }
        return view(verification);
    }

    /**
     * Starts the backdoor test for an executed request nobody has asked about, if its subject is enrolled
     * and calibrated.
     *
     * @return whether a verification was started
     */
    @Transactional
    public boolean startAutomatically(Bytes32 requestId, Bytes32 subjectId) {
        if (triggers.of(subjectId).isEmpty() || calibrations.latest(subjectId).isEmpty()
                || VerificationEntity.findById(requestId.toHex()) != null) {
            return false;
        }
        UUID job = jobs.create(JobKind.BACKDOOR_CHECK, subjectId, Optional.of(requestId), JobStatus.QUEUED,
                "the ledger records the execution; queued for the backdoor test", CanonicalJson.toTree(
                        Map.of("requestId", requestId.toHex(), "subjectId", subjectId.toHex())).toString());
        VerificationEntity verification = new VerificationEntity();
        verification.requestId = requestId.toHex();
        verification.subjectId = subjectId.toHex();
        verification.jobId = job;
        verification.createdAt = Instant.now();
        verification.automatic = true;
        verification.persist();
        return true;
    }

    /** Whether the ledger now records the execution of the job's deletion request. */
    public boolean executed(UUID job) {
        SamplesRequest request = parse(job);
        return anchor(requestId(request)).unlearning().isPresent();
    }

    /**
     * Runs a verification whose deletion the ledger records as executed: the replay of an exact unlearning (when
     * the verifier holds a replay token), then every test on the served version.
     */
    public void run(UUID job) {
        SamplesRequest request = parse(job);
        DeletionAnchor anchor = anchor(requestId(request));
        List<Bytes32> subjectSamples = marking.sampleHashes(request.subjectId());
        certify(job, measure(job, request.subjectId(), anchor, "replaying and measuring",
                (served, version, probes, nullModel, calibration, trigger) -> {
                    try (ReplayRun replay = replays.replay(anchor.unlearning().orElseThrow(), version,
                            new HashSet<>(subjectSamples))) {
                        return engine.engine().verify(probes, nullModel, engine.nonMemberScores(served, version),
                                calibration.figures().backdoor(), trigger.spec(), triggers.all(), request.samples(),
                                new Evidence(dataCheck(subjectSamples, version), replay.evidence(),
                                        sentinels.forVerification()));
                    }
                }));
    }

    /**
     * The subject's samples (the hashes of those marking returned) against the served version's training-set root
     * on the ledger, each proof checked against the root.
     *
     * @throws VersionNotRecordedException while the served version is not on the ledger yet
     */
    private DataCheck dataCheck(List<Bytes32> samples, String version) {
        Bytes32 root = ledger.client().checkpoint(Bytes32.fromHex(version)).map(recorded -> recorded.value().trainingSetRoot())
                .orElseThrow(() -> new VersionNotRecordedException(version));
        try {
            TrainingSetQuery.Proven proven = modelService.trainingSet().prove(version, samples, root);
            return new DataCheck(samples.size(), proven.absent(), proven.present());
        } catch (IOException e) {
            throw new UncheckedIOException("the model service did not answer the training-set query", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Runs the backdoor test alone on a deletion nobody asked about: a kept backdoor is recorded as
     * NOT_DELETED at once; otherwise nothing is recorded, and the subject's own request completes the
     * verification with membership inference.
     */
    public void runBackdoorCheck(UUID job) {
        JsonNode document = CanonicalJson.parse(jobs.document(job));
        DeletionAnchor anchor = anchor(Bytes32.fromHex(document.path("requestId").asText()));
        Measured measured = measure(job, Bytes32.fromHex(document.path("subjectId").asText()), anchor, "backdoor test",
                (served, version, probes, nullModel, calibration, trigger) -> engine.engine().verifyBackdoor(probes,
                        nullModel, calibration.figures().backdoor(), trigger.spec(), triggers.all()));
        if (measured.outcome().decision().verdict() == Verdict.NOT_DELETED) {
            certify(job, measured);
        } else {
            jobs.finish(job, measured.outcome().decision().reason() + "; nothing recorded until the subject asks");
        }
    }

    /** One way of testing the served version, given what every verification measures first. */
    private interface Measurement {
        VerificationOutcome measure(ServedModel served, String version, ServedModel probes, NullModel nullModel,
                                    CalibrationView calibration, SecretTrigger trigger);
    }

    /** Measures the served version for an executed deletion, all of it on one version. */
    private Measured measure(UUID job, Bytes32 subjectId, DeletionAnchor anchor, String what, Measurement measurement) {
        Unlearning unlearning = anchor.unlearning().orElseThrow(() -> new IllegalStateException("not executed yet"));
        CalibrationView calibration = calibrations.latest(subjectId).orElseThrow();
        SecretTrigger trigger = triggers.of(subjectId).orElseThrow();
        Instant started = Instant.now();
        String version = modelService.currentVersion();
        jobs.advance(job, JobStatus.RUNNING, what + " version " + version);
        ServedModel served = modelService.served();
        NullModel nullModel = engine.nullModel(served, version);
        ServedModel probes = modelService.served();
        VerificationOutcome outcome = measurement.measure(served, version, probes, nullModel, calibration, trigger);
        engine.requireOnly(version, served, probes);
        return new Measured(subjectId, anchor, unlearning, version, outcome, nullModel, calibration, probes.queries(),
                started);
    }

    /** What one verification measured, to certify. */
    private record Measured(Bytes32 subjectId, DeletionAnchor anchor, Unlearning unlearning, String version,
                            VerificationOutcome outcome, NullModel nullModel, CalibrationView calibration, long queries,
                            Instant started) {
    }

    /**
     * Signs the certificate and stores it with the figures to record, the job then RECORDING, in one transaction; then
     * records it. A crash or a ledger that cannot take the record leaves the stored certificate to be recorded by
     * {@link #record}, never signed again.
     */
    private void certify(UUID job, Measured m) {
        var enrolment = enrolments.find(m.subjectId()).orElseThrow();
        VerificationOutcome outcome = m.outcome();
        CertificatePayload payload = new CertificatePayload(CertificatePayload.TYPE, m.anchor().requestId().toHex(),
                m.subjectId().toHex(), m.version(), outcome.decision().verdict().name(), outcome.decision().reason(),
                outcome.plan(), outcome.backdoor(), m.nullModel(), outcome.membership(), outcome.serving(),
                outcome.data(), outcome.replay(), outcome.layers(), m.calibration().figures(),
                m.queries(), m.started().toString(), Instant.now().toString(),
                new CertificatePayload.LedgerEvidence(ledger.client().contractAddress(), enrolment.commitment(),
                        enrolment.transaction(), m.anchor().target().toHex(), m.anchor().anchorTransaction(),
                        m.unlearning().newVersion().toHex(), m.unlearning().strategy().name(),
                        m.anchor().unlearningTransaction().orElseThrow()));
        SignedDocument certificate = CertificateJson.sign(key.signer(), payload);
        keep(job, m.anchor().requestId(), outcome, certificate);
        record(job);
    }

    /** The signed certificate and what its ledger record carries, stored together with the job's move to RECORDING. */
    @Transactional
    void keep(UUID job, Bytes32 requestId, VerificationOutcome outcome, SignedDocument certificate) {
        VerificationEntity verification = VerificationEntity.findById(requestId.toHex());
        verification.verdict = outcome.decision().verdict().name();
        verification.certificate = certificate.toString();
        verification.certificateHash = certificate.hash().toHex();
        verification.ledgerFigures = FigureCodec.toAbi(outcome.ledgerFigures(certificate.hash()));
        jobs.advance(job, JobStatus.RECORDING, outcome.decision().verdict() + " certificate stored; recording it on "
                + "the ledger");
    }

    /**
     * Records a stored certificate on the ledger and ends its job. A record already on the ledger with this
     * certificate's hash (the process stopped after sending it) is taken as it is; one with another hash, or a
     * contract refusal, fails the job. While the record cannot be made (the ledger or the model service unreachable,
     * the account without the VERIFIER role) the job stays RECORDING and is tried again.
     */
    public void record(UUID job) {
        VerificationEntity stored = QuarkusTransaction.requiringNew().call(() ->
                VerificationEntity.<VerificationEntity>find("jobId", job).firstResult());
        Bytes32 requestId = Bytes32.fromHex(stored.requestId);
        Bytes32 certificateHash = Bytes32.fromHex(stored.certificateHash);
        String verdict = stored.verdict;
        try {
            Optional<Verification> onChain = ledger.client().verification(requestId).map(Recorded::value);
            if (onChain.isPresent() && !onChain.get().figures().certificateHash().equals(certificateHash)) {
                jobs.fail(job, "the ledger records certificate " + onChain.get().figures().certificateHash()
                        + " for request " + requestId + ", not the stored " + certificateHash);
                return;
            }
            String transaction = onChain.isPresent() ? recordingTransaction(requestId)
                    : ledger.client().recordVerification(requestId, anchor(requestId).batch(),
                    FigureCodec.fromAbi(stored.ledgerFigures)).txHash();
            recorded(job, requestId, transaction, verdict);
        } catch (LedgerAccessDeniedException e) {
            retryLater(job, verdict, e);
        } catch (LedgerRevertException e) {
            jobs.fail(job, "the ledger refused the record of the stored certificate: " + e.getMessage());
        } catch (RuntimeException e) {
            retryLater(job, verdict, e);
        }
    }

    private void retryLater(UUID job, String verdict, RuntimeException cause) {
        LOG.warnf("certificate of job %s stored, not recorded yet: %s", job, cause.getMessage());
        jobs.advance(job, JobStatus.RECORDING, verdict + " certificate stored; its record could not be made yet ("
                + cause.getMessage() + "); trying again");
    }

    /** The transaction of the record the ledger already holds for the request. */
    private String recordingTransaction(Bytes32 requestId) {
        return ledger.client().events(EventQuery.byRequest(requestId)).stream()
                .filter(event -> event instanceof LedgerEvent.VerificationRecorded).map(event -> event.position().txHash())
                .findFirst().orElseThrow(() -> new IllegalStateException("the ledger records a verification of "
                        + requestId + " but no event of it"));
    }

    @Transactional
    void recorded(UUID job, Bytes32 requestId, String transaction, String verdict) {
        VerificationEntity verification = VerificationEntity.findById(requestId.toHex());
        verification.ledgerTransaction = transaction;
        verification.ledgerFigures = null;
        jobs.finish(job, verdict + ": certificate recorded on the ledger in " + transaction);
    }

    @Transactional
    public Optional<VerificationView> find(Bytes32 requestId) {
        return VerificationEntity.<VerificationEntity>findByIdOptional(requestId.toHex()).map(this::view);
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

    private static Bytes32 requestId(SamplesRequest request) {
        return Bytes32.fromHex(request.payload().path("requestId").asText());
    }

    /** The request's anchoring, with the model service's inclusion proof checked on chain when batched. */
    private DeletionAnchor anchor(Bytes32 requestId) {
        JsonNode receipt = modelService.deletion(requestId.toHex())
                .orElseThrow(() -> new IllegalStateException("the model service no longer knows request " + requestId));
        return DeletionAnchor.read(ledger.client(), requestId, receipt);
    }

    private VerificationView view(VerificationEntity verification) {
        return new VerificationView(verification.requestId, verification.subjectId, verification.jobId.toString(),
                Optional.ofNullable(verification.verdict),
                Optional.ofNullable(verification.certificate).map(CanonicalJson::parse),
                Optional.ofNullable(verification.certificateHash), Optional.ofNullable(verification.ledgerTransaction),
                verification.automatic);
    }
}
