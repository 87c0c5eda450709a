package org.lethe.service.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** An operation guarded by a shared secret sent as {@code Authorization: Bearer <token>}. */
public final class BearerToken {

    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    /**
     * Whether the header carries the configured token. No token configured, or a blank one, admits nobody. The
     * comparison takes the same time wherever the tokens differ, so the token does not leak through timing.
     */
    public static boolean presented(String authorization, Optional<String> configured) {
        String token = configured.filter(t -> !t.isBlank()).orElse(null);
        if (token == null || authorization == null) {
            return false;
        }
        return MessageDigest.isEqual((SCHEME + token).getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8));
    }
}
