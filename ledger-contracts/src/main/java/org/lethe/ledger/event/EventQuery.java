package org.lethe.ledger.event;

import org.lethe.evidence.hash.Bytes32;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which events to read: a block range and at most one key to match.
 *
 * @param fromBlock first block, inclusive
 * @param toBlock   last block, inclusive; empty for the latest
 * @param key       what {@code value} identifies
 * @param value     the subject, request (or batch root) or model to match; empty with {@link Key#ANY}
 */
public record EventQuery(long fromBlock, OptionalLong toBlock, Key key, Optional<Bytes32> value) {

    /** The identifiers events can be looked up by; each event type indexes some of them. */
    public enum Key {
        ANY,
        /** a subject id hash: contributions, trigger commitments, deletion requests */
        SUBJECT,
        /** a request id or batch root: requests, batches, unlearnings, verifications */
        REQUEST,
        /** a model id: registrations, checkpoints, unlearnings */
        MODEL
    }

    public EventQuery {
        if (fromBlock < 0) {
            throw new IllegalArgumentException("fromBlock must not be negative, got " + fromBlock);
        }
        if (toBlock.isPresent() && toBlock.getAsLong() < fromBlock) {
            throw new IllegalArgumentException("toBlock " + toBlock.getAsLong() + " is before fromBlock " + fromBlock);
        }
        if ((key == Key.ANY) != value.isEmpty()) {
            throw new IllegalArgumentException("a value is needed with key " + key + " and only then");
        }
    }

    /** Every event from the first block to the latest. */
    public static EventQuery all() {
        return new EventQuery(0, OptionalLong.empty(), Key.ANY, Optional.empty());
    }

    public static EventQuery bySubject(Bytes32 subjectIdHash) {
        return new EventQuery(0, OptionalLong.empty(), Key.SUBJECT, Optional.of(subjectIdHash));
    }

    public static EventQuery byRequest(Bytes32 requestIdOrBatchRoot) {
        return new EventQuery(0, OptionalLong.empty(), Key.REQUEST, Optional.of(requestIdOrBatchRoot));
    }

    public static EventQuery byModel(Bytes32 modelId) {
        return new EventQuery(0, OptionalLong.empty(), Key.MODEL, Optional.of(modelId));
    }

    /** The same query restricted to the given blocks. */
    public EventQuery inBlocks(long from, long to) {
        return new EventQuery(from, OptionalLong.of(to), key, value);
    }
}
