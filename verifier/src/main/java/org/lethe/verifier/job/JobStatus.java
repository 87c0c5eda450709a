package org.lethe.verifier.job;

/** Where a job stands. */
public enum JobStatus {
    QUEUED,
    /** A verification waiting for the ledger to record the deletion's execution. */
    WAITING,
    RUNNING,
    DONE,
    FAILED
}
