package org.lethe.ledger.record;

import java.time.Instant;

/**
 * A value as the ledger holds it, with the block time at which it was recorded.
 *
 * @param value      what was recorded
 * @param recordedAt block time of the recording transaction
 */
public record Recorded<T>(T value, Instant recordedAt) {
}
