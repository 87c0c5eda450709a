package org.lethe.verifier.job;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.lethe.verifier.calibration.CalibrationService;
import org.lethe.verifier.calibration.VersionNotRecordedException;
import org.lethe.verifier.certificate.VerificationService;
import org.lethe.verifier.served.ServedVersionChangedException;
import org.lethe.verifier.service.VerifierSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Runs jobs one at a time, oldest first, on the scheduler's thread: measurements share the served
 * model and the reference models, and one at a time keeps each measurement on one served version.
 * Verifications wait until the ledger records their deletion's execution, then run on their own; a
 * certificate stored but not yet on the ledger is recorded first.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final VerifierSettings settings;
    private final Jobs jobs;
    private final CalibrationService calibrations;
    private final VerificationService verifications;

    public JobRunner(VerifierSettings settings, Jobs jobs, CalibrationService calibrations, VerificationService verifications) {
        this.settings = settings;
        this.jobs = jobs;
        this.calibrations = calibrations;
        this.verifications = verifications;
    }

    /** A job that was running when the service stopped starts again. */
    void requeueInterrupted(@Observes StartupEvent started) {
        jobs.withStatus(JobStatus.RUNNING).forEach(job -> jobs.advance(job, JobStatus.QUEUED, "requeued after a restart"));
    }

    @Scheduled(every = "${lethe.verifier.ledger-poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void work() {
        for (UUID job : jobs.withStatus(JobStatus.WAITING)) {
            try {
                if (verifications.executed(job)) {
                    jobs.advance(job, JobStatus.QUEUED, "the ledger records the execution; queued");
                }
            } catch (RuntimeException notYet) {
                // not anchored yet, or the ledger or model service is down: ask again next round
                LOG.debugf("verification %s still waiting: %s", job, notYet.getMessage());
            }
        }
        for (UUID job : jobs.withStatus(JobStatus.RECORDING)) {
            verifications.record(job);
        }
        for (UUID job : jobs.withStatus(JobStatus.QUEUED)) {
            run(job);
        }
    }

    private void run(UUID job) {
        try {
            switch (jobs.kind(job)) {
                case CALIBRATION -> calibrations.run(job);
                case VERIFICATION -> verifications.run(job);
                case BACKDOOR_CHECK -> verifications.runBackdoorCheck(job);
            }
        } catch (ServedVersionChangedException e) {
            // a new version went live mid-measurement: measure again, on one version, next round
            jobs.advance(job, JobStatus.QUEUED, "measuring again: " + e.getMessage());
        } catch (VersionNotRecordedException e) {
            waitForRecord(job, e);
        } catch (RuntimeException e) {
            LOG.warnf("job %s failed: %s", job, e.getMessage());
            jobs.fail(job, e.getMessage());
        }
    }

    /** A version trained a moment ago is recorded soon: the job waits for it, then fails if it never comes. */
    private void waitForRecord(UUID job, VersionNotRecordedException notRecorded) {
        Duration waited = Duration.between(jobs.find(job).orElseThrow().createdAt(), Instant.now());
        if (waited.compareTo(settings.versionRecordWait()) < 0) {
            jobs.advance(job, JobStatus.QUEUED, "waiting: " + notRecorded.getMessage() + " yet");
        } else {
            jobs.fail(job, notRecorded.getMessage() + " (waited " + settings.versionRecordWait() + ")");
        }
    }
}
