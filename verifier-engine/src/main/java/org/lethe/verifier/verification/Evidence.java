package org.lethe.verifier.verification;

import org.lethe.verifier.serving.SentinelPanel;

/**
 * What a verification weighs besides its own queries of the served model.
 *
 * @param data      the subject's samples checked against the served version's training-set root
 * @param replay    a replay of the unlearning, when the provider handed over its material
 * @param sentinels the verifier's own subjects trained into the served version, never deleted
 */
public record Evidence(DataCheck data, ReplayEvidence replay, SentinelPanel sentinels) {

    /** Black-box evidence only: no replay. */
    public static Evidence blackBox(DataCheck data, SentinelPanel sentinels) {
        return new Evidence(data, ReplayEvidence.notRun(), sentinels);
    }
}
