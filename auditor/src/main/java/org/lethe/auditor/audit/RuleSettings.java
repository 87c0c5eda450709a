package org.lethe.auditor.audit;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** The auditor's rules' parameters. */
@ConfigMapping(prefix = "lethe.auditor.rules")
public interface RuleSettings {

    /** How long a deletion request may take to be executed and verified, from its request (GDPR: a month). */
    Duration deadline();
}
