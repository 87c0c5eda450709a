package org.lethe.modelservice.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One ledger write waiting to be sent, or its result once sent. */
@Entity
@Table(name = "ledger_outbox")
public class OutboxEntry extends PanacheEntityBase {

    @Id
    @SequenceGenerator(name = "ledger_outbox_ids", sequenceName = "ledger_outbox_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_outbox_ids")
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LedgerRecordKind kind;

    /** The record's id on chain (contribution root, request id): one entry per record. */
    @Column(name = "record_key", nullable = false)
    public String recordKey;

    /** The record's fields as JSON. */
    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutboxStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "tx_hash")
    public String txHash;

    @Column(name = "block_number")
    public Long blockNumber;

    /** For a batched deletion request: the batch that anchors it. */
    @Column(name = "batch_root")
    public String batchRoot;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
