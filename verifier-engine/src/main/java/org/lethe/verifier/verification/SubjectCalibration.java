package org.lethe.verifier.verification;

import org.lethe.verifier.backdoor.BackdoorCalibration;
import org.lethe.verifier.membership.MembershipResult;

/**
 * What a subject's data did to the version trained with it: how strongly the trigger took, and how
 * visible the clean samples' membership is (AUC, TPR at 1 % FPR).
 */
public record SubjectCalibration(BackdoorCalibration backdoor, MembershipResult membership) {
}
