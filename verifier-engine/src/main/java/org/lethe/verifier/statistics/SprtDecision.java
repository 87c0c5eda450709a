package org.lethe.verifier.statistics;

/** Where a sequential probability ratio test stands after the probes so far. */
public enum SprtDecision {
    CONTINUE,
    /** H0: the backdoor is gone. */
    DELETED,
    /** H1: the backdoor is still there. */
    KEPT
}
