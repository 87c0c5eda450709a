package org.lethe.verifier.calibration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A subject's calibration on one version, its figures as JSON. */
@Entity
@Table(name = "calibration")
@IdClass(CalibrationEntity.Key.class)
public class CalibrationEntity extends PanacheEntityBase {

    @Id
    @Column(name = "subject_id")
    public String subjectId;

    @Id
    @Column(name = "version_hash")
    public String versionHash;

    @Column(nullable = false)
    public String figures;

    @Column(nullable = false)
    public boolean feasible;

    public String reason;

    @Column(name = "calibrated_at", nullable = false)
    public Instant calibratedAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public String subjectId;
        public String versionHash;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(subjectId, key.subjectId)
                    && Objects.equals(versionHash, key.versionHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(subjectId, versionHash);
        }
    }
}
