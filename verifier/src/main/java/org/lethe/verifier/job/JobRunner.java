package org.lethe.verifier.job;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.lethe.verifier.calibration.CalibrationService;
import org.lethe.verifier.certificate.VerificationService;
import org.lethe.verifier.served.ServedVersionChangedException;

import java.util.UUID;

/**
 * Runs jobs one at a time, oldest first, on the scheduler's thread: measurements share the served
 * model and the reference models, and one at a time keeps each measurement on one served version.
 * Verifications wait until the ledger records their deletion's execution, then run on their own.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    private final Jobs jobs;
    private final CalibrationService calibrations;
    private final VerificationService verifications;

    public JobRunner(Jobs jobs, CalibrationService calibrations, VerificationService verifications) {
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
        } catch (RuntimeException e) {
            LOG.warnf("job %s failed: %s", job, e.getMessage());
            jobs.fail(job, e.getMessage());
        }
    }
}
