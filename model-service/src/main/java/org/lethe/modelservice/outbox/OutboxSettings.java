package org.lethe.modelservice.outbox;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** How the outbox sender works through pending ledger writes. */
@ConfigMapping(prefix = "lethe.outbox")
public interface OutboxSettings {

    /** Time between rounds of the sender (read by its {@code @Scheduled} expression). */
    Duration pollInterval();

    /** Entries sent per round. */
    int batchSize();

    /** Wait before the first retry; doubled after each failure. */
    Duration initialBackoff();

    /** Longest wait between retries. */
    Duration maxBackoff();

    /** How deletion requests reach the ledger: one transaction each, or Merkle batches. */
    DeletionAnchoring deletionAnchoring();

    /** Most requests in one batch. */
    int deletionBatchSize();

    enum DeletionAnchoring {
        /** {@code requestDeletion} per request: subject and root readable on chain, ~150 requests/s. */
        SINGLE,
        /** {@code anchorDeletionBatch} per round: one root for up to {@link #deletionBatchSize()} requests. */
        BATCH
    }
}
