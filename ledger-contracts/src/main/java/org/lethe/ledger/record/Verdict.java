package org.lethe.ledger.record;

/** The verifier's decision on a deletion; the order matches the contract's {@code Verdict} enum. */
public enum Verdict {
    CERTIFIED,
    NOT_DELETED,
    INCONCLUSIVE
}
