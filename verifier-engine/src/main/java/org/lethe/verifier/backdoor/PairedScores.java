package org.lethe.verifier.backdoor;

/**
 * What one model answered to a run of probe pairs.
 *
 * @param residuals          per probe: the paired score on the model less the reference models' mean score
 * @param targetHits         probes stamped with the subject's trigger that the model labelled as the target
 * @param referenceHits      the same count summed over the reference models
 * @param referenceProbes    probes times reference models
 */
public record PairedScores(double[] residuals, int targetHits, int referenceHits, int referenceProbes) {

    public int probes() {
        return residuals.length;
    }
}
