package org.lethe.modelservice.contribution;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A data subject known by the key that signed their first contribution. */
@Entity
@Table(name = "subject")
public class SubjectEntity extends PanacheEntityBase {

    @Id
    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;
}
