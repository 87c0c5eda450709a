package org.lethe.verifier.job;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A calibration or verification and its progress. */
@Entity
@Table(name = "job")
public class JobEntity extends PanacheEntityBase {

    @Id
    @Column(name = "job_id")
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobKind kind;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "request_id")
    public String requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JobStatus status;

    @Column(nullable = false)
    public String stage;

    /** The subject's signed request, until the job ends. */
    public String document;

    public String error;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
