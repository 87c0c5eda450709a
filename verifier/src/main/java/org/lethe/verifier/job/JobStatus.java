package org.lethe.verifier.job;

/** Where a job stands. */
public enum JobStatus {
    QUEUED,
    /** A verification waiting for the ledger to record the deletion's execution. */
    WAITING,
    RUNNING,
    /** A verification whose signed certificate is stored and whose ledger record is still to be made. */
    RECORDING,
    DONE,
    FAILED
}
