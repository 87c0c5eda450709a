package org.lethe.modelservice.deletion;

import org.lethe.modelservice.outbox.LedgerStatus;

import java.util.List;

/**
 * A batch of deletion requests anchored as one root. The members in leaf order rebuild the root, so a
 * reader (the verifier starting its checks) can confirm the list against the ledger: none left out, none added.
 *
 * @param batchRoot the root anchored on the ledger
 * @param members   the requests, in leaf order
 * @param ledger    the batch's anchoring
 */
public record DeletionBatchView(String batchRoot, List<Member> members, LedgerStatus ledger) {

    /**
     * @param requestId the request's id
     * @param subjectId the subject who asked
     */
    public record Member(String requestId, String subjectId) {
    }
}
