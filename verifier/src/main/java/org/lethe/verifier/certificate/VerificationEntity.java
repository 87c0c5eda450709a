package org.lethe.verifier.certificate;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A deletion's verification: its job, then its signed certificate and ledger record. */
@Entity
@Table(name = "verification")
public class VerificationEntity extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public String requestId;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "job_id", nullable = false)
    public UUID jobId;

    public String verdict;

    /** The signed certificate, canonical JSON. */
    public String certificate;

    @Column(name = "certificate_hash")
    public String certificateHash;

    /** What the ledger record carries (the contract's ABI words, hex), kept with the certificate until recorded. */
    @Column(name = "ledger_figures")
    public String ledgerFigures;

    @Column(name = "ledger_transaction")
    public String ledgerTransaction;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Started by the ledger's unlearning record rather than by the subject. */
    public boolean automatic;
}
