package org.lethe.service.auth;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BearerTokenTest {

    @Test
    void admitsOnlyTheConfiguredTokenInTheBearerScheme() {
        Optional<String> token = Optional.of("s3cret");

        assertTrue(BearerToken.presented("Bearer s3cret", token));
        assertFalse(BearerToken.presented("Bearer s3cre", token));
        assertFalse(BearerToken.presented("Bearer s3cret ", token));
        assertFalse(BearerToken.presented("s3cret", token), "the scheme is required");
        assertFalse(BearerToken.presented("Basic s3cret", token));
        assertFalse(BearerToken.presented(null, token));
    }

    @Test
    void noTokenConfiguredOrABlankOneAdmitsNobody() {
        assertFalse(BearerToken.presented("Bearer ", Optional.empty()));
        assertFalse(BearerToken.presented("Bearer ", Optional.of("")));
        assertFalse(BearerToken.presented("Bearer  ", Optional.of(" ")));
    }
}
