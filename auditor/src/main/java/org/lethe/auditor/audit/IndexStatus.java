package org.lethe.auditor.audit;

import org.lethe.auditor.index.LedgerIndexer;

import java.time.Instant;
import java.util.Optional;

/**
 * How current the auditor's view of the ledger is.
 *
 * @param contract           the contract indexed
 * @param indexedThroughBlock the newest block indexed
 * @param indexedThroughTime  that block's time: the ledger time rules are judged at
 * @param headBlock          the newest block the node reported
 * @param lagBlocks          blocks reported but not indexed (confirmations included)
 * @param lastRead           when the node last answered
 * @param staleSeconds       seconds since then
 * @param readFailure        why the node cannot be read now, and since when
 * @param lastCatchUp        the last run that indexed new blocks: events, blocks, seconds
 */
public record IndexStatus(String contract, long indexedThroughBlock, Optional<Instant> indexedThroughTime,
                          Optional<Long> headBlock, Optional<Long> lagBlocks, Optional<Instant> lastRead,
                          Optional<Long> staleSeconds, Optional<String> readFailure,
                          Optional<LedgerIndexer.CatchUp> lastCatchUp) {
}
