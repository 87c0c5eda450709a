package org.lethe.verifier.calibration;

import org.lethe.verifier.verification.CalibrationFigures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.service.ledger.LedgerGateway;
import org.lethe.service.problem.ProblemException;
import org.lethe.verifier.backdoor.BackdoorTestPlan;
import org.lethe.verifier.backdoor.NullModel;
import org.lethe.verifier.enrolment.TriggerBook;
import org.lethe.verifier.job.JobKind;
import org.lethe.verifier.job.JobStatus;
import org.lethe.verifier.job.JobView;
import org.lethe.verifier.job.Jobs;
import org.lethe.verifier.marking.MarkingService;
import org.lethe.verifier.membership.MembershipScores;
import org.lethe.verifier.request.SamplesRequest;
import org.lethe.verifier.served.ModelService;
import org.lethe.verifier.served.ServedModel;
import org.lethe.verifier.service.VerifierEngine;
import org.lethe.verifier.service.VerifierSettings;
import org.lethe.verifier.trigger.SecretTrigger;
import org.lethe.verifier.verification.SubjectCalibration;
import org.lethe.verifier.verification.VerificationEngine;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Calibrates a subject on the served version once it was trained with their marked samples (proven
 * against the training-set root on the ledger): how strongly the trigger took, how visible membership
 * is, and whether a later verification can decide at the asked α and β. If it cannot, the subject
 * learns it now, not from a certificate.
 */
@ApplicationScoped
public class CalibrationService {

    private final VerifierSettings settings;
    private final Jobs jobs;
    private final TriggerBook triggers;
    private final MarkingService marking;
    private final ModelService modelService;
    private final LedgerGateway ledger;
    private final VerifierEngine engine;
    private final ObjectMapper json;
    private final Event<SubjectCalibrated> calibrated;

    public CalibrationService(VerifierSettings settings, Jobs jobs, TriggerBook triggers, MarkingService marking,
                              ModelService modelService, LedgerGateway ledger, VerifierEngine engine, ObjectMapper json,
                              Event<SubjectCalibrated> calibrated) {
        this.settings = settings;
        this.jobs = jobs;
        this.triggers = triggers;
        this.marking = marking;
        this.modelService = modelService;
        this.ledger = ledger;
        this.engine = engine;
        this.json = json;
        this.calibrated = calibrated;
    }

    /** Checks the subject's signed request (clean samples) and queues the calibration. */
    public JobView request(Bytes32 subjectId, String body) {
        SamplesRequest request = SamplesRequest.parse(body, settings.marking().maxSamples(), "invalid-calibration",
                "Invalid calibration request");
        if (!request.subjectId().equals(subjectId)) {
            throw ProblemException.badRequest("invalid-calibration", "Invalid calibration request",
                    "the path names subject " + subjectId + ", the document " + request.subjectId());
        }
        triggers.of(subjectId).orElseThrow(() -> new ProblemException(404, "unknown-subject", "Unknown subject",
                "subject " + subjectId + " is not enrolled"));
        marking.requireClean(subjectId, request.samples());
        UUID job = jobs.create(JobKind.CALIBRATION, subjectId, Optional.empty(), JobStatus.QUEUED, "queued", body);
        return jobs.find(job).orElseThrow();
    }

    /** Runs a queued calibration: measures and stores the figures. */
    public void run(UUID job) {
        SamplesRequest request = SamplesRequest.parse(jobs.document(job), settings.marking().maxSamples(),
                "invalid-calibration", "Invalid calibration request");
        Bytes32 subjectId = request.subjectId();
        SecretTrigger trigger = triggers.of(subjectId).orElseThrow();
        String version = modelService.currentVersion();
        jobs.advance(job, JobStatus.RUNNING, "checking that version " + version + " was trained with the marks");
        requireMarksIn(subjectId, version);

        jobs.advance(job, JobStatus.RUNNING, "training or loading the reference models");
        VerificationEngine measurements = engine.engine();
        jobs.advance(job, JobStatus.RUNNING, "measuring the version's null and the subject's trigger");
        ServedModel served = modelService.served();
        MembershipScores nonMembers = engine.nonMemberScores(served, version);
        NullModel nullModel = engine.nullModel(served, version);
        SubjectCalibration calibration = measurements.calibrate(served, trigger.spec(), triggers.all(),
                request.samples(), nonMembers);
        engine.requireOnly(version, served);
        VerifierSettings.Statistics statistics = settings.statistics();
        BackdoorTestPlan plan = BackdoorTestPlan.of(nullModel, calibration.backdoor(), statistics.alpha(),
                statistics.beta(), statistics.maxProbes());
        CalibrationFigures figures = new CalibrationFigures(version, calibration.backdoor(), nullModel, plan,
                calibration.backdoor().labelTestDecidable(statistics.alpha(), statistics.beta(), statistics.maxProbes()),
                calibration.membership(), served.queries());
        store(subjectId, figures);
        jobs.finish(job, plan.feasible() ? "calibrated: a verification can decide"
                : "calibrated: INCONCLUSIVE ahead — " + plan.infeasibility().orElseThrow());
        calibrated.fire(new SubjectCalibrated(subjectId, version));
    }

    /** The subject's latest calibration. */
    @Transactional
    public Optional<CalibrationView> latest(Bytes32 subjectId) {
        return CalibrationEntity.<CalibrationEntity>find("subjectId = ?1 order by calibratedAt desc", subjectId.toHex())
                .firstResultOptional().map(this::view);
    }

    /** Every marked sample must be in the version; a subject with no marks is calibrated as it is (nothing took). */
    private void requireMarksIn(Bytes32 subjectId, String version) {
        List<Bytes32> marks = marking.markHashes(subjectId);
        if (marks.isEmpty()) {
            return;
        }
        Checkpoint recorded = ledger.client().checkpoint(Bytes32.fromHex(version)).map(r -> r.value())
                .orElseThrow(() -> new VersionNotRecordedException(version));
        int present;
        try {
            present = modelService.trainingSet().provenPresent(version, marks, recorded.trainingSetRoot());
        } catch (IOException e) {
            throw new IllegalStateException("the model service did not answer the training-set query", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (present < marks.size()) {
            throw new IllegalStateException("version " + version + " was trained with " + present + " of the subject's "
                    + marks.size() + " marked samples; calibrate once a version trained with them is served");
        }
    }

    @Transactional
    void store(Bytes32 subjectId, CalibrationFigures figures) {
        CalibrationEntity row = CalibrationEntity.<CalibrationEntity>find("subjectId = ?1 and versionHash = ?2",
                subjectId.toHex(), figures.versionHash()).firstResultOptional().orElseGet(CalibrationEntity::new);
        row.subjectId = subjectId.toHex();
        row.versionHash = figures.versionHash();
        try {
            row.figures = json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("calibration figures do not serialise", e);
        }
        row.feasible = figures.plan().feasible();
        row.reason = figures.plan().infeasibility().orElse(null);
        row.calibratedAt = Instant.now();
        row.persist();
    }

    private CalibrationView view(CalibrationEntity row) {
        try {
            return new CalibrationView(row.subjectId, row.versionHash, row.feasible, Optional.ofNullable(row.reason),
                    json.readValue(row.figures, CalibrationFigures.class), row.calibratedAt);
        } catch (IOException e) {
            throw new IllegalStateException("stored calibration figures do not parse", e);
        }
    }
}
