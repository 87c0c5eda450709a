package org.lethe.modelservice.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.LedgerReceipt;
import org.lethe.ledger.LedgerUnavailableException;
import org.lethe.ledger.revert.DuplicateRecordException;
import org.lethe.ledger.revert.LedgerRevertException;
import org.lethe.service.ledger.LedgerGateway;

import java.time.Duration;
import java.time.Instant;

/**
 * The single sender of ledger writes. Works through due entries in order; a node that is down means a
 * retry with exponential backoff; a record already on chain with the same content counts as sent
 * (the write landed but its receipt was lost); any other refusal is final and logged.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);

    private final LedgerOutbox outbox;
    private final DeletionBatcher batcher;
    private final LedgerGateway gateway;
    private final OutboxSettings settings;

    public OutboxSender(LedgerOutbox outbox, DeletionBatcher batcher, LedgerGateway gateway, OutboxSettings settings) {
        this.outbox = outbox;
        this.batcher = batcher;
        this.gateway = gateway;
        this.settings = settings;
    }

    @Scheduled(every = "${lethe.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        if (settings.deletionAnchoring() == OutboxSettings.DeletionAnchoring.BATCH) {
            while (batcher.batchPending(settings.deletionBatchSize()) == settings.deletionBatchSize()) {
                // a full batch: more may be waiting
            }
        }
        for (OutboxEntry entry : outbox.due(settings.batchSize())) {
            if (!send(entry)) {
                return;
            }
        }
    }

    /** @return false when the node is unreachable: the rest waits for the next round */
    private boolean send(OutboxEntry entry) {
        var payload = CanonicalJson.parse(entry.payload);
        try {
            LedgerClient ledger = gateway.client();
            try {
                LedgerReceipt receipt = ledger.execute(entry.kind.write(ledger, payload));
                outbox.markSent(entry.id, receipt.txHash(), receipt.blockNumber());
            } catch (DuplicateRecordException e) {
                if (entry.kind.onChain(ledger, payload)) {
                    outbox.markSent(entry.id, null, ledger.blockNumber());
                } else {
                    fail(entry, "a different record holds this key on chain: " + e.getMessage());
                }
            } catch (LedgerRevertException e) {
                fail(entry, e.getMessage());
            }
            return true;
        } catch (LedgerUnavailableException e) {
            gateway.reset();
            Duration wait = backoff(entry.attempts + 1);
            outbox.markRetry(entry.id, e.getMessage(), Instant.now().plus(wait));
            LOG.warnf("ledger unavailable, %s %d retried in %s: %s", entry.kind, entry.id, wait, e.getMessage());
            return false;
        }
    }

    private void fail(OutboxEntry entry, String error) {
        outbox.markFailed(entry.id, error);
        LOG.errorf("ledger refused %s %d for good: %s", entry.kind, entry.id, error);
    }

    private Duration backoff(int attempt) {
        Duration wait = settings.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }
}
