package org.lethe.modelservice.admin;

import io.smallrye.config.ConfigMapping;

/** Who may change the model. */
@ConfigMapping(prefix = "lethe.admin")
public interface AdminSettings {

    /** Bearer token of the provider's operators; a secret, never logged. */
    String token();
}
