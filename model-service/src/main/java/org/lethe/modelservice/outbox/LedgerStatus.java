package org.lethe.modelservice.outbox;

import java.util.Optional;

/**
 * A record's ledger write as answers show it.
 *
 * @param status      PENDING, SENT or FAILED
 * @param txHash      the transaction, once sent (absent when a retry found the record already on chain)
 * @param blockNumber the block, once sent
 * @param attempts    failed attempts so far
 */
public record LedgerStatus(OutboxStatus status, Optional<String> txHash, Optional<Long> blockNumber, int attempts) {

    public static LedgerStatus of(OutboxEntry entry) {
        return new LedgerStatus(entry.status, Optional.ofNullable(entry.txHash), Optional.ofNullable(entry.blockNumber),
                entry.attempts);
    }
}
