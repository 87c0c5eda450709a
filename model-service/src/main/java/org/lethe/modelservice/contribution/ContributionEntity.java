package org.lethe.modelservice.contribution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A subject's signed contribution; its samples are {@link SampleEntity} rows. */
@Entity
@Table(name = "contribution")
public class ContributionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "contribution_root")
    public String contributionRoot;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "sample_count", nullable = false)
    public int sampleCount;

    @Column(nullable = false)
    public String document;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
