package org.lethe.verifier.verification;

import org.lethe.verifier.backdoor.BackdoorCalibration;
import org.lethe.verifier.backdoor.BackdoorTestPlan;
import org.lethe.verifier.backdoor.NullModel;
import org.lethe.verifier.membership.MembershipResult;

/**
 * Everything a calibration measured on the version trained with the subject's data.
 *
 * @param versionHash the version measured (the one the prediction API named)
 * @param backdoor    the trigger's paired score and the label rates p̂ (there) and q̂ (reference models)
 * @param nullModel   unused triggers' paired scores on that version
 * @param plan        the paired test this calibration allows at the configured α, β and probe limit
 * @param labelTestDecidable whether the plain label test could decide within the probe limit
 * @param membership  how visible the clean samples' membership is there (AUC, TPR at 1 % FPR)
 * @param queries     images sent to the served model
 */
public record CalibrationFigures(String versionHash, BackdoorCalibration backdoor, NullModel nullModel,
                                 BackdoorTestPlan plan, boolean labelTestDecidable, MembershipResult membership,
                                 long queries) {
}
