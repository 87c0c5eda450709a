package org.lethe.auditor.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * What the model service said it serves, asked through its API.
 *
 * @param checkedAt     when it was asked
 * @param servedVersion the version hash it reported, if it answered
 * @param failure       why it could not be asked, if it could not
 */
public record ServedVersionCheck(Instant checkedAt, Optional<String> servedVersion, Optional<String> failure) {
}
