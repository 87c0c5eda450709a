package org.lethe.verifier.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.lethe.evidence.hash.Bytes32;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The one place that knows the {@code job} table. */
@ApplicationScoped
public class Jobs {

    @Transactional
    public UUID create(JobKind kind, Bytes32 subjectId, Optional<Bytes32> requestId, JobStatus status, String stage,
                       String document) {
        JobEntity job = new JobEntity();
        job.id = UUID.randomUUID();
        job.kind = kind;
        job.subjectId = subjectId.toHex();
        job.requestId = requestId.map(Bytes32::toHex).orElse(null);
        job.status = status;
        job.stage = stage;
        job.document = document;
        job.createdAt = Instant.now();
        job.updatedAt = job.createdAt;
        job.persist();
        return job.id;
    }

    @Transactional
    public void advance(UUID id, JobStatus status, String stage) {
        update(id, status, Optional.of(stage), Optional.empty());
    }

    /** Ends a job; its copy of the subject's request goes with it. */
    @Transactional
    public void finish(UUID id, String stage) {
        update(id, JobStatus.DONE, Optional.of(stage), Optional.empty());
    }

    @Transactional
    public void fail(UUID id, String error) {
        update(id, JobStatus.FAILED, Optional.empty(), Optional.of(error));
    }

    private static void update(UUID id, JobStatus status, Optional<String> stage, Optional<String> error) {
        JobEntity job = JobEntity.findById(id);
        job.status = status;
        stage.ifPresent(text -> job.stage = text);
        error.ifPresent(text -> job.error = text);
        if (status == JobStatus.DONE || status == JobStatus.FAILED) {
            job.document = null;
        }
        job.updatedAt = Instant.now();
    }

    @Transactional
    public Optional<JobView> find(UUID id) {
        return JobEntity.<JobEntity>findByIdOptional(id).map(JobView::of);
    }

    /** The subject's signed request a job works on. */
    @Transactional
    public String document(UUID id) {
        return JobEntity.<JobEntity>findByIdOptional(id).map(job -> job.document)
                .orElseThrow(() -> new IllegalStateException("no job " + id));
    }

    @Transactional
    public List<UUID> withStatus(JobStatus status) {
        return JobEntity.<JobEntity>list("status = ?1 order by createdAt", status).stream().map(job -> job.id).toList();
    }

    @Transactional
    public JobKind kind(UUID id) {
        return JobEntity.<JobEntity>findById(id).kind;
    }
}
