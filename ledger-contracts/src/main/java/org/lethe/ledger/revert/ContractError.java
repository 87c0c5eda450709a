package org.lethe.ledger.revert;

/**
 * Every custom error the contract (and the OpenZeppelin code it inherits) can revert with, named as in
 * Solidity, each with the kind of exception it becomes in Java.
 */
public enum ContractError {
    AccessControlUnauthorizedAccount(Kind.ACCESS_DENIED),
    AccessControlBadConfirmation(Kind.ACCESS_DENIED),
    NotModelProvider(Kind.ACCESS_DENIED),

    ModelAlreadyRegistered(Kind.DUPLICATE),
    VersionAlreadyRecorded(Kind.DUPLICATE),
    ContributionAlreadyRecorded(Kind.DUPLICATE),
    TriggerAlreadyCommitted(Kind.DUPLICATE),
    SameTriggerCommitment(Kind.DUPLICATE),
    DeletionAlreadyRequested(Kind.DUPLICATE),
    BatchAlreadyAnchored(Kind.DUPLICATE),
    DeletionAlreadyExecuted(Kind.DUPLICATE),
    AlreadyVerified(Kind.DUPLICATE),

    UnknownModel(Kind.UNKNOWN_RECORD),
    UnknownParentVersion(Kind.UNKNOWN_RECORD),
    NoTriggerCommitted(Kind.UNKNOWN_RECORD),
    UnknownDeletion(Kind.UNKNOWN_RECORD),
    UnknownVersion(Kind.UNKNOWN_RECORD),

    ZeroValue(Kind.INVARIANT),
    ParentVersionRequired(Kind.INVARIANT),
    EmptyContribution(Kind.INVARIANT),
    RequestedInFuture(Kind.INVARIANT),
    EmptyBatch(Kind.INVARIANT),
    NotInBatch(Kind.INVARIANT),
    DeletionNotExecuted(Kind.INVARIANT),
    InvalidFigures(Kind.INVARIANT),
    RateAboveOne(Kind.INVARIANT),
    LayersContradictVerdict(Kind.INVARIANT);

    /** The Java exception family an error belongs to. */
    public enum Kind {
        /** The caller lacks the role or does not own the record: {@link LedgerAccessDeniedException}. */
        ACCESS_DENIED,
        /** The record exists already: {@link DuplicateRecordException}. */
        DUPLICATE,
        /** A record the call refers to does not exist: {@link UnknownRecordException}. */
        UNKNOWN_RECORD,
        /** Any other broken invariant: {@link InvariantViolationException}. */
        INVARIANT
    }

    private final Kind kind;

    ContractError(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
