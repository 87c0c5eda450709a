package org.lethe.modelservice.outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.lethe.evidence.hash.Bytes32;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** The one place that knows the {@code ledger_outbox} table. */
@ApplicationScoped
public class LedgerOutbox {

    private final OutboxSettings settings;

    public LedgerOutbox(OutboxSettings settings) {
        this.settings = settings;
    }

    /**
     * What an unlearning of this request records as executed on chain: its batch root once batched, the
     * request itself when requests are anchored singly; empty while it waits for a batch.
     */
    @Transactional
    public Optional<Bytes32> executionTarget(Bytes32 requestId) {
        OutboxEntry entry = find(LedgerRecordKind.DELETION_REQUEST, requestId).orElseThrow();
        if (entry.batchRoot != null) {
            return Optional.of(Bytes32.fromHex(entry.batchRoot));
        }
        return settings.deletionAnchoring() == OutboxSettings.DeletionAnchoring.SINGLE ? Optional.of(requestId)
                : Optional.empty();
    }

    /** Queues a write in the caller's transaction: the record and its ledger write commit together. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(LedgerRecordKind kind, Bytes32 recordKey, ObjectNode payload) {
        OutboxEntry entry = new OutboxEntry();
        entry.kind = kind;
        entry.recordKey = recordKey.toHex();
        entry.payload = payload.toString();
        entry.status = OutboxStatus.PENDING;
        entry.attempts = 0;
        entry.createdAt = Instant.now();
        entry.nextAttemptAt = entry.createdAt;
        entry.persist();
    }

    /** Where the write of a record stands, if one was queued. */
    @Transactional
    public Optional<OutboxEntry> find(LedgerRecordKind kind, Bytes32 recordKey) {
        return OutboxEntry.<OutboxEntry>find("kind = ?1 and recordKey = ?2", kind, recordKey.toHex()).firstResultOptional();
    }

    /** Entries to send now, in order; with batch anchoring, deletion requests travel only inside batches. */
    @Transactional
    List<OutboxEntry> due(int limit) {
        List<LedgerRecordKind> kinds = Arrays.stream(LedgerRecordKind.values())
                .filter(kind -> kind != LedgerRecordKind.DELETION_REQUEST
                        || settings.deletionAnchoring() == OutboxSettings.DeletionAnchoring.SINGLE)
                .toList();
        return OutboxEntry.<OutboxEntry>find("status = ?1 and nextAttemptAt <= ?2 and kind in ?3", Sort.by("id"),
                OutboxStatus.PENDING, Instant.now(), kinds).page(0, limit).list();
    }

    @Transactional
    void markSent(long id, String txHash, long blockNumber) {
        OutboxEntry entry = OutboxEntry.findById(id);
        entry.status = OutboxStatus.SENT;
        entry.txHash = txHash;
        entry.blockNumber = blockNumber;
        entry.sentAt = Instant.now();
        entry.lastError = null;
    }

    @Transactional
    void markRetry(long id, String error, Instant nextAttempt) {
        OutboxEntry entry = OutboxEntry.findById(id);
        entry.attempts++;
        entry.lastError = error;
        entry.nextAttemptAt = nextAttempt;
    }

    @Transactional
    void markFailed(long id, String error) {
        OutboxEntry entry = OutboxEntry.findById(id);
        entry.attempts++;
        entry.status = OutboxStatus.FAILED;
        entry.lastError = error;
    }

    /** How many entries stand in each status, for the outbox's health check. */
    @Transactional
    public Map<OutboxStatus, Long> countsByStatus() {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, OutboxEntry.count("status", status));
        }
        return counts;
    }
}
