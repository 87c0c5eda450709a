package org.lethe.auditor.timeline;

import java.time.Instant;
import java.util.Optional;

/**
 * Which requests to list; every part is optional.
 *
 * @param subjectIdHash requests of this subject (only requests anchored one by one name theirs)
 * @param status        requests in this state
 * @param from          deadline clock started at or after
 * @param to            deadline clock started before
 * @param modelId       executed by this model
 * @param limit         at most this many
 * @param offset        after skipping this many, in clock-start order
 */
public record RequestFilter(Optional<String> subjectIdHash, Optional<RequestStatus> status, Optional<Instant> from,
                            Optional<Instant> to, Optional<String> modelId, int limit, int offset) {

    /** Every request in the period [from, to). */
    public static RequestFilter period(Instant from, Instant to) {
        return new RequestFilter(Optional.empty(), Optional.empty(), Optional.of(from), Optional.of(to), Optional.empty(),
                Integer.MAX_VALUE, 0);
    }

    /** Every request. */
    public static RequestFilter everything() {
        return new RequestFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Integer.MAX_VALUE, 0);
    }
}
