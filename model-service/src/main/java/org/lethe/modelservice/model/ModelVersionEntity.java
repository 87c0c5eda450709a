package org.lethe.modelservice.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

/** A published model version and the layout needed to serve or unlearn from it. */
@Entity
@Table(name = "model_version")
public class ModelVersionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "version_hash")
    public String versionHash;

    @Column(nullable = false)
    public int number;

    @Column(name = "parent_version")
    public String parentVersion;

    @Column(name = "weights_hash", nullable = false)
    public String weightsHash;

    @Column(name = "training_set_root", nullable = false)
    public String trainingSetRoot;

    @Column(name = "transcript_root", nullable = false)
    public String transcriptRoot;

    /** The training transcript as JSON (ml TrainingTranscriptJson). */
    @Column(nullable = false)
    public String transcript;

    @Column(nullable = false)
    public String origin;

    public String strategy;

    @Column(nullable = false)
    public String layout;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<ModelVersionEntity> latest() {
        return find("order by number desc").<ModelVersionEntity>firstResultOptional();
    }
}
