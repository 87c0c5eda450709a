package org.lethe.verifier.backdoor;

import org.lethe.verifier.statistics.SprtDecision;

/**
 * What the paired test found on the served version.
 *
 * @param procedure  the test's name, for the certificate
 * @param decision   DELETED, KEPT, or CONTINUE when the probes ran out undecided
 * @param probes     probe pairs asked (n); each pair is two queries
 * @param hits       probes whose paired score exceeded the plan's threshold (k)
 * @param targetHits trigger-stamped probes the served model labelled as the target
 * @param meanScore  the statistic: the mean residual paired score
 * @param plan       τ, q, p, α and β the test ran with
 */
public record BackdoorTestResult(String procedure, SprtDecision decision, int probes, int hits, int targetHits,
                                 double meanScore,
                                 BackdoorTestPlan plan) {

    public static final String PAIRED_SCORE_TRUNCATED_SPRT = "paired-score-truncated-sprt";

    /** The share of stamped probes labelled as the target: the trigger's success rate on the served model. */
    public double targetRate() {
        return probes == 0 ? 0 : (double) targetHits / probes;
    }
}
