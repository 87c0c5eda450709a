package org.lethe.verifier.verification;

import org.lethe.verifier.backdoor.BackdoorTestPlan;
import org.lethe.verifier.backdoor.BackdoorTestResult;
import org.lethe.verifier.membership.MembershipResult;

import java.util.Optional;

/**
 * One verification's figures and verdict.
 *
 * @param decision   the verdict and its reason
 * @param plan       the paired test as planned (μ0, μ1, σ, α, β, why it could not run if it could not)
 * @param backdoor   the paired test's result, empty when the plan was infeasible
 * @param membership the membership test on the served version
 */
public record VerificationOutcome(VerdictDecision decision, BackdoorTestPlan plan, Optional<BackdoorTestResult> backdoor,
                                  MembershipResult membership) {
}
