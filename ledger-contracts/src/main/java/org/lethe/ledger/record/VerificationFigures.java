package org.lethe.ledger.record;

import org.lethe.evidence.hash.Bytes32;

/**
 * What the verifier measured and decided. Rates and probabilities lie in [0, 1]; on chain they are
 * fixed-point with 18 decimals.
 *
 * @param verdict             the decision
 * @param probes              number of trigger-stamped probes sent (n)
 * @param targetHits          probes answered with the target label or score (k)
 * @param alpha               the test's false-certification bound
 * @param beta                the test's miss bound
 * @param backdoorSuccessRate the trigger's measured success rate on the served model
 * @param miaStatistic        the subject-level membership-inference statistic (may be negative)
 * @param certificateHash     hash of the signed certificate
 * @param layers              how each layer of evidence came out
 */
public record VerificationFigures(Verdict verdict, int probes, int targetHits, double alpha, double beta,
                                  double backdoorSuccessRate, double miaStatistic, Bytes32 certificateHash,
                                  VerificationLayers layers) {
}
