package org.lethe.ledger.record;

/** How one layer of a verification's evidence came out, as the contract's {@code Layer} enum orders it. */
public enum LayerState {
    NOT_CHECKED,
    PASSED,
    FAILED,
    UNDECIDED
}
