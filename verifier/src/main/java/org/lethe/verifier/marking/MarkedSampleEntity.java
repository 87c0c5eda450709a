package org.lethe.verifier.marking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The hash of one sample a subject had marked, and whether it carries the trigger or a cover's pattern. */
@Entity
@Table(name = "marked_sample")
@IdClass(MarkedSampleEntity.Key.class)
public class MarkedSampleEntity extends PanacheEntityBase {

    @Id
    @Column(name = "subject_id")
    public String subjectId;

    @Id
    @Column(name = "sample_hash")
    public String sampleHash;

    @Column(name = "marked", nullable = false)
    public boolean marked;

    @Column(name = "covered", nullable = false)
    public boolean covered;

    /** The hash as the subject sent it, before any stamp. */
    @Column(name = "sent_hash")
    public String sentHash;

    @Column(name = "marked_at", nullable = false)
    public Instant markedAt;

    /** The composite key. */
    public static class Key implements Serializable {
        public String subjectId;
        public String sampleHash;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(subjectId, key.subjectId)
                    && Objects.equals(sampleHash, key.sampleHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(subjectId, sampleHash);
        }
    }
}
