package org.lethe.ledger.event;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.Contribution;
import org.lethe.ledger.record.DeletionBatch;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.TriggerCommitment;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.Verification;

/** One event of the UnlearningLedger contract, decoded into the record it announces. */
public sealed interface LedgerEvent {

    LedgerPosition position();

    record ModelRegistered(LedgerPosition position, Bytes32 modelId, String provider) implements LedgerEvent {
    }

    record CheckpointRecorded(LedgerPosition position, Checkpoint checkpoint) implements LedgerEvent {
    }

    record ContributionRecorded(LedgerPosition position, Contribution contribution) implements LedgerEvent {
    }

    record TriggerCommitted(LedgerPosition position, TriggerCommitment commitment) implements LedgerEvent {
    }

    record DeletionRequested(LedgerPosition position, DeletionRequest request) implements LedgerEvent {
    }

    record DeletionBatchAnchored(LedgerPosition position, DeletionBatch batch) implements LedgerEvent {
    }

    record UnlearningRecorded(LedgerPosition position, Unlearning unlearning) implements LedgerEvent {
    }

    record VerificationRecorded(LedgerPosition position, Verification verification) implements LedgerEvent {
    }
}
