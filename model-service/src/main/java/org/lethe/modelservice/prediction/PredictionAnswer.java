package org.lethe.modelservice.prediction;

/**
 * Class probabilities from the served model.
 *
 * @param versionHash   the version that answered: what a verifier names in its certificate
 * @param probabilities one row of 10 per image, in request order
 */
public record PredictionAnswer(String versionHash, float[][] probabilities) {
}
