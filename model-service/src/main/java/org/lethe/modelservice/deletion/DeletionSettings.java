package org.lethe.modelservice.deletion;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Rules for accepting deletion requests. */
@ConfigMapping(prefix = "lethe.deletions")
public interface DeletionSettings {

    /** How far a request's time may lie from the service's clock, either way. */
    Duration maxClockSkew();

    /** Longest nonce accepted. */
    int maxNonceLength();

    /** Most requests written in one group commit. */
    int groupCommitSize();

    /** How long a request waits for its group commit. */
    Duration groupCommitTimeout();
}
