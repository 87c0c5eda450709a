package org.lethe.modelservice.job;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A job as answers show it.
 *
 * @param stepsDone   slice steps trained so far
 * @param stepsTotal  slice steps the job will train (known once it runs)
 * @param versionHash the version it published, once succeeded
 */
public record JobView(UUID id, JobKind kind, JobStatus status, int stepsDone, int stepsTotal,
                      Optional<String> versionHash, Optional<String> error, Instant createdAt,
                      Optional<Instant> startedAt, Optional<Instant> finishedAt) {

    static JobView of(JobEntity job) {
        return new JobView(job.id, job.kind, job.status, job.stepsDone, job.stepsTotal,
                Optional.ofNullable(job.versionHash), Optional.ofNullable(job.error), job.createdAt,
                Optional.ofNullable(job.startedAt), Optional.ofNullable(job.finishedAt));
    }
}
