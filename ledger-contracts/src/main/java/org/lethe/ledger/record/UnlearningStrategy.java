package org.lethe.ledger.record;

/** How a provider executed a deletion; the order matches the contract's {@code Strategy} enum. */
public enum UnlearningStrategy {
    /** Exact: retrain affected SISA shards from the last checkpoint before the removed data. */
    SISA,
    /** Exact: retrain the whole model without the removed data. */
    RETRAIN,
    /** Approximate: fine-tune on the retained data. */
    FINETUNE,
    /** Approximate: gradient ascent on the forgotten data with a retain term. */
    GRADIENT_ASCENT,
    /** Non-compliant: a new version with unchanged weights, for evaluating the verifier. */
    NONE
}
