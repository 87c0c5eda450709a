package org.lethe.modelservice.contribution;

import io.smallrye.config.ConfigMapping;

/** Limits on what a subject may send. */
@ConfigMapping(prefix = "lethe.contributions")
public interface ContributionSettings {

    /** Most samples in one contribution. */
    int maxSamples();

    /** Largest request body accepted, in bytes. */
    long maxBodyBytes();
}
