package org.lethe.modelservice.outbox;

/** Where a ledger write stands. */
public enum OutboxStatus {
    /** Not on chain yet; retried until it is. */
    PENDING,
    /** Folded into a deletion batch; the batch's own entry carries it to the chain. */
    BATCHED,
    /** On chain (or found there with the same content). */
    SENT,
    /** Refused by the contract for a reason a retry cannot fix; needs an operator. */
    FAILED
}
