package org.lethe.auditor.api;

import org.lethe.auditor.timeline.RequestStatus;
import org.lethe.service.problem.ProblemException;
import org.lethe.service.problem.RequestIds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

/** Turns query parameters into values, or into a clear 400 naming the parameter. */
final class QueryParameters {

    static final int MAX_LIMIT = 1_000;

    private QueryParameters() {
    }

    static Optional<String> id(String name, String value) {
        return present(value).map(text -> RequestIds.parse(name, text).toHex());
    }

    static Optional<RequestStatus> status(String value) {
        return present(value).map(text -> {
            try {
                return RequestStatus.valueOf(text);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-filter", "Invalid filter",
                        "status must be one of " + Arrays.toString(RequestStatus.values()) + ", got '" + text + "'");
            }
        });
    }

    /** An instant, or a date meaning its start (UTC). */
    static Optional<Instant> time(String name, String value) {
        return present(value).map(text -> {
            try {
                return text.length() == 10 ? LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest("invalid-filter", "Invalid filter",
                        name + " must be a date (2026-01-31) or an instant (2026-01-31T12:00:00Z), got '" + text + "'");
            }
        });
    }

    /** A period [from, to) whose ends, when both given, are in order. */
    static void checkPeriod(Optional<Instant> from, Optional<Instant> to) {
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw ProblemException.badRequest("invalid-period", "Invalid period",
                    "from (" + from.get() + ") must be before to (" + to.get() + ")");
        }
    }

    static int limit(int value) {
        if (value < 1 || value > MAX_LIMIT) {
            throw ProblemException.badRequest("invalid-filter", "Invalid filter",
                    "limit must be within 1.." + MAX_LIMIT + ", got " + value);
        }
        return value;
    }

    static int offset(int value) {
        if (value < 0) {
            throw ProblemException.badRequest("invalid-filter", "Invalid filter", "offset must not be negative, got " + value);
        }
        return value;
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }
}
