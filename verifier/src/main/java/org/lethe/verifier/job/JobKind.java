package org.lethe.verifier.job;

/** What a job does. */
public enum JobKind {
    /** Measures a subject's trigger and membership signal on the version trained with their data. */
    CALIBRATION,
    /** Tests a deletion on the served version and issues the certificate. */
    VERIFICATION,
    /**
     * Tests a deletion the ledger shows executed before the subject asked: the backdoor test alone, which
     * can find the data still there but not certify its absence.
     */
    BACKDOOR_CHECK
}
