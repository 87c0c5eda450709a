package org.lethe.modelservice.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A fixed batch of deletion requests, anchored on the ledger as one Merkle root. */
@Entity
@Table(name = "deletion_batch")
public class DeletionBatchEntity extends PanacheEntityBase {

    @Id
    @Column(name = "batch_root")
    public String batchRoot;

    @Column(name = "request_count", nullable = false)
    public int requestCount;

    /** JSON array of the member request ids, in leaf order. */
    @Column(nullable = false)
    public String members;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
