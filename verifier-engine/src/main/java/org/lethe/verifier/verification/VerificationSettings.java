package org.lethe.verifier.verification;

/**
 * The verifier's statistical settings.
 *
 * @param alpha                  bound on calling a deleted subject NOT_DELETED (backdoor and membership tests each)
 * @param beta                   bound on certifying a subject whose backdoor was kept
 * @param maxProbes              the most probe pairs one verification may ask
 * @param calibrationProbes      probe pairs asked of the version with the subject's data
 * @param confidence             confidence of the calibration bounds (p̂, q̂, the subject's score)
 * @param nullTriggers           unused triggers measured per served version for the null
 * @param nullProbesPerTrigger   probe pairs per unused trigger
 */
public record VerificationSettings(double alpha, double beta, int maxProbes, int calibrationProbes, double confidence,
                                   int nullTriggers, int nullProbesPerTrigger) {

    public VerificationSettings {
        if (!(alpha > 0 && alpha < 1) || !(beta > 0 && beta < 1) || !(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("need α, β in (0, 1) and confidence in (0.5, 1); got " + alpha + ", " + beta
                    + ", " + confidence);
        }
        if (maxProbes < 1 || calibrationProbes < 2 || nullTriggers < 2 || nullProbesPerTrigger < 2) {
            throw new IllegalArgumentException("need maxProbes ≥ 1, calibrationProbes ≥ 2, nullTriggers ≥ 2 and "
                    + "nullProbesPerTrigger ≥ 2; got " + maxProbes + ", " + calibrationProbes + ", " + nullTriggers + ", "
                    + nullProbesPerTrigger);
        }
    }
}
