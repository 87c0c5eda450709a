package org.lethe.verifier.calibration;

import org.lethe.evidence.hash.Bytes32;

/**
 * A calibration finished: the served version was trained with the subject's marks.
 *
 * @param subjectId the subject calibrated
 * @param version   the version it was calibrated on
 */
public record SubjectCalibrated(Bytes32 subjectId, String version) {
}
