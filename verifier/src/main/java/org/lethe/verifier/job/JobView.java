package org.lethe.verifier.job;

import java.time.Instant;
import java.util.Optional;

/**
 * A job as answers show it.
 *
 * @param jobId     its id
 * @param kind      CALIBRATION or VERIFICATION
 * @param subjectId the subject
 * @param requestId the deletion request, for a verification
 * @param status    QUEUED, WAITING, RUNNING, RECORDING (certificate stored, ledger record pending), DONE or FAILED
 * @param stage     what it is doing or did last
 * @param error     why it failed
 */
public record JobView(String jobId, JobKind kind, String subjectId, Optional<String> requestId, JobStatus status,
                      String stage, Optional<String> error, Instant createdAt, Instant updatedAt) {

    static JobView of(JobEntity job) {
        return new JobView(job.id.toString(), job.kind, job.subjectId, Optional.ofNullable(job.requestId), job.status,
                job.stage, Optional.ofNullable(job.error), job.createdAt, job.updatedAt);
    }
}
