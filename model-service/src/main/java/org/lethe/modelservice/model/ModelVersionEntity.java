package org.lethe.modelservice.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.ml.replay.TrainingTranscript;
import org.lethe.ml.replay.TrainingTranscriptJson;

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

    /** Each slice step's training configuration as JSON; with the layout it gives the training transcript. */
    @Column(name = "slice_training", nullable = false)
    public String sliceTraining;

    @Column(nullable = false)
    public String origin;

    public String strategy;

    @Column(nullable = false)
    public String layout;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The version's training transcript, derived from its layout and slice-training configuration. */
    public TrainingTranscript transcript() {
        return ModelLayoutCodec.transcript(layout, TrainingTranscriptJson.configFromJson(CanonicalJson.parse(sliceTraining)));
    }

    public static Optional<ModelVersionEntity> latest() {
        return find("order by number desc").<ModelVersionEntity>firstResultOptional();
    }
}
