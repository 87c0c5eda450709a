package org.lethe.modelservice.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The one place that knows the {@code job} table. */
@ApplicationScoped
public class Jobs {

    @Transactional
    public UUID create(JobKind kind) {
        JobEntity job = new JobEntity();
        job.id = UUID.randomUUID();
        job.kind = kind;
        job.status = JobStatus.QUEUED;
        job.createdAt = Instant.now();
        job.persist();
        return job.id;
    }

    @Transactional
    public void started(UUID id, int stepsTotal) {
        JobEntity job = JobEntity.findById(id);
        job.status = JobStatus.RUNNING;
        job.startedAt = Instant.now();
        job.stepsTotal = stepsTotal;
    }

    @Transactional
    public void stepDone(UUID id) {
        JobEntity job = JobEntity.findById(id);
        job.stepsDone++;
    }

    @Transactional
    public void succeeded(UUID id, String versionHash) {
        JobEntity job = JobEntity.findById(id);
        job.status = JobStatus.SUCCEEDED;
        job.versionHash = versionHash;
        job.finishedAt = Instant.now();
    }

    @Transactional
    public void failed(UUID id, String error) {
        JobEntity job = JobEntity.findById(id);
        job.status = JobStatus.FAILED;
        job.error = error;
        job.finishedAt = Instant.now();
    }

    @Transactional
    public Optional<JobView> find(UUID id) {
        return JobEntity.<JobEntity>findByIdOptional(id).map(JobView::of);
    }

    /** Whether a job is queued or running: one model change at a time. */
    @Transactional
    public boolean anyActive() {
        return JobEntity.count("status in ?1", List.of(JobStatus.QUEUED, JobStatus.RUNNING)) > 0;
    }
}
