package org.lethe.auditor.timeline;

/** Where a deletion request stands on the ledger. */
public enum RequestStatus {
    /** anchored, not yet executed */
    REQUESTED,
    /** executed by a recorded version, not yet verified */
    EXECUTED,
    /** verified: the verifier certified the deletion */
    CERTIFIED,
    /** verified: the verifier found the data still in the model */
    NOT_DELETED,
    /** verified: the verifier could not decide */
    INCONCLUSIVE
}
