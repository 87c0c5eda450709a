package org.lethe.modelservice.admin;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Who may change the model. */
@ConfigMapping(prefix = "lethe.admin")
public interface AdminSettings {

    /** Bearer token of the provider's operators; a secret, never logged. Without one every operation is refused. */
    Optional<String> token();
}
