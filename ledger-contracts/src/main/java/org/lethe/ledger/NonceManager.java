package org.lethe.ledger;

import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Hands out consecutive nonces locally so that many writes can be in flight at once, and lets one send
 * at a time take them: a transaction that overtakes its predecessor waits in the node's pool for the gap
 * to close, and an instant-mining node can leave it there (foundry-rs/foundry#10122: concurrent writers
 * lost receipts; Besu limits such future nonces too). After a failed send the next one starts from the
 * node's pending count, since a nonce taken by a failed send leaves a gap.
 */
final class NonceManager {

    private final LongSupplier pendingCount;
    private long next;
    private boolean stale = true;

    /** @param pendingCount the account's pending transaction count, read from the node */
    NonceManager(LongSupplier pendingCount) {
        this.pendingCount = pendingCount;
    }

    /**
     * Runs one send (of one transaction or a batch), giving it consecutive nonces; no other send runs meanwhile.
     *
     * @param sending signs with the nonces it takes from its argument and sends
     */
    synchronized <T> T send(Function<LongSupplier, T> sending) {
        if (stale) {
            next = pendingCount.getAsLong();
            stale = false;
        }
        try {
            return sending.apply(() -> next++);
        } catch (RuntimeException e) {
            stale = true;
            throw e;
        }
    }
}
