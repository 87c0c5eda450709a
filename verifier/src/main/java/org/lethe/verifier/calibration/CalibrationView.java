package org.lethe.verifier.calibration;

import org.lethe.verifier.verification.CalibrationFigures;
import java.time.Instant;
import java.util.Optional;

/**
 * A subject's latest calibration as answers show it.
 *
 * @param subjectId    the subject
 * @param versionHash  the version trained with their data
 * @param feasible     whether a later verification can decide at the configured α and β
 * @param reason       why not, when not: a certificate would say INCONCLUSIVE for this reason
 * @param figures      the measurements
 * @param calibratedAt when
 */
public record CalibrationView(String subjectId, String versionHash, boolean feasible, Optional<String> reason,
                              CalibrationFigures figures, Instant calibratedAt) {
}
