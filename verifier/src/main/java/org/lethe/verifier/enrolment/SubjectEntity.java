package org.lethe.verifier.enrolment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An enrolled subject and their sealed trigger. */
@Entity
@Table(name = "subject")
public class SubjectEntity extends PanacheEntityBase {

    @Id
    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "public_key", nullable = false)
    public byte[] publicKey;

    @Column(name = "sealed_trigger", nullable = false)
    public byte[] sealedTrigger;

    @Column(name = "commitment", nullable = false)
    public String commitment;

    @Column(name = "commit_transaction", nullable = false)
    public String commitTransaction;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;
}
