package org.lethe.service.problem;

import org.lethe.evidence.hash.Bytes32;

/** Parses 32-byte ids from paths and payloads into clear 400s. */
public final class RequestIds {

    private RequestIds() {
    }

    public static Bytes32 parse(String what, String text) {
        try {
            return Bytes32.fromHex(String.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-id", "Invalid identifier",
                    what + " must be 0x and 64 hex digits, got '" + text + "'");
        }
    }
}
