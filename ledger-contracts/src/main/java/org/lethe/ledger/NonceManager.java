package org.lethe.ledger;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Hands out consecutive nonces locally so that many writes can be in flight at once; falls back to the
 * node's pending count after a send failed, since a nonce taken by a failed send leaves a gap.
 */
final class NonceManager {

    private final LongSupplier pendingCount;
    private final AtomicLong next;

    NonceManager(LongSupplier pendingCount) {
        this.pendingCount = pendingCount;
        this.next = new AtomicLong(pendingCount.getAsLong());
    }

    long next() {
        return next.getAndIncrement();
    }

    /** Re-reads the account's pending transaction count from the node. */
    synchronized void resync() {
        next.set(pendingCount.getAsLong());
    }
}
