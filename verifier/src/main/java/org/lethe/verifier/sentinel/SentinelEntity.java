package org.lethe.verifier.sentinel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One of the verifier's sentinel subjects; its trigger and marks are kept like any subject's. */
@Entity
@Table(name = "sentinel")
public class SentinelEntity extends PanacheEntityBase {

    @Id
    @Column(name = "subject_id")
    public String subjectId;

    /** Which block of the verifier's sentinel images it contributed. */
    @Column(name = "slot", nullable = false)
    public int slot;

    /** The contribution's root once the model service took it; null while (or if never) it did. */
    @Column(name = "contribution_root")
    public String contributionRoot;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
