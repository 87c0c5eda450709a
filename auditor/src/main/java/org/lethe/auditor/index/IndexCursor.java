package org.lethe.auditor.index;

import java.time.Instant;
import java.util.Optional;

/**
 * How far the index has read.
 *
 * @param contract       the contract indexed; an index belongs to one
 * @param nextBlock      the first block not yet indexed
 * @param indexedThrough the time of block {@code nextBlock - 1}: the ledger's "now" as the index knows it
 * @param headBlock      the newest block the node reported at the last read
 * @param advancedAt     when the index last read the node successfully
 */
public record IndexCursor(String contract, long nextBlock, Optional<Instant> indexedThrough, Optional<Long> headBlock,
                          Optional<Instant> advancedAt) {
}
