package org.lethe.modelservice.replay;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** Who may take a version's replay material (its training data and checkpoints). */
@ConfigMapping(prefix = "lethe.replay")
public interface ReplaySettings {

    /**
     * Bearer token of the verifier that replays unlearnings; a secret, never logged. Without one the material is
     * refused to everyone, and a verifier that replays finds every deletion this service claims exact undecided.
     */
    Optional<String> token();
}
