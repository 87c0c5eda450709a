package org.lethe.modelservice.contribution;

import org.lethe.modelservice.outbox.LedgerStatus;

/**
 * The answer to a contribution.
 *
 * @param contributionRoot Merkle root of the samples' hashes: the contribution's id
 * @param subjectId        the contributing subject
 * @param sampleCount      samples stored
 * @param ledger           where its ledger record stands
 */
public record ContributionReceipt(String contributionRoot, String subjectId, int sampleCount, LedgerStatus ledger) {
}
