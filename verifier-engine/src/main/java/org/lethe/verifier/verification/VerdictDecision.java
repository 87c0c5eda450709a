package org.lethe.verifier.verification;

import org.lethe.ledger.record.Verdict;
import org.lethe.verifier.backdoor.BackdoorTestPlan;
import org.lethe.verifier.backdoor.BackdoorTestResult;
import org.lethe.verifier.membership.MembershipResult;
import org.lethe.verifier.statistics.SprtDecision;

import java.util.Optional;

/**
 * The verdict from the two tests. CERTIFIED only when the backdoor test accepts deletion at the asked β
 * and membership inference does not reject non-membership; NOT_DELETED when either finds the data;
 * INCONCLUSIVE otherwise, with the reason.
 *
 * @param verdict the decision
 * @param reason  one sentence for the subject and the certificate
 */
public record VerdictDecision(Verdict verdict, String reason) {

    /**
     * @param backdoor the paired test's result, empty when the plan was infeasible and not run
     */
    public static VerdictDecision of(BackdoorTestPlan plan, Optional<BackdoorTestResult> backdoor,
                                     MembershipResult membership) {
        Optional<VerdictDecision> kept = keptBackdoor(plan, backdoor);
        if (kept.isPresent()) {
            return kept.get();
        }
        if (membership.membershipShown()) {
            return new VerdictDecision(Verdict.NOT_DELETED, String.format("membership inference still finds the subject's "
                    + "samples: p=%.2e below α/2=%.1e", membership.pValue(), membership.alpha() / 2));
        }
        if (backdoor.isEmpty()) {
            return new VerdictDecision(Verdict.INCONCLUSIVE, plan.infeasibility()
                    .orElseThrow(() -> new IllegalArgumentException("a feasible plan must have been run")));
        }
        if (backdoor.get().decision() == SprtDecision.CONTINUE) {
            return new VerdictDecision(Verdict.INCONCLUSIVE, String.format("undecided after the allowed %d probes: %d hits "
                    + "above τ=%.3f, between the rates q=%.4f (deleted) and p=%.3f (kept)", backdoor.get().probes(),
                    backdoor.get().hits(), plan.threshold(), plan.nullHitRate(), plan.keptHitRate()));
        }
        return new VerdictDecision(Verdict.CERTIFIED, String.format("the backdoor is gone (%d of %d probes above τ=%.3f, "
                + "β=%.1e) and membership inference finds nothing (p=%.2f)", backdoor.get().hits(), backdoor.get().probes(),
                plan.threshold(), plan.beta(), membership.pValue()));
    }

    /**
     * The verdict from the backdoor test alone, without the subject's samples: NOT_DELETED when it finds the
     * backdoor; otherwise INCONCLUSIVE, since certifying also needs the membership test.
     */
    public static VerdictDecision ofBackdoorAlone(BackdoorTestPlan plan, Optional<BackdoorTestResult> backdoor) {
        return keptBackdoor(plan, backdoor).orElseGet(() -> new VerdictDecision(Verdict.INCONCLUSIVE,
                backdoor.map(result -> String.format("the backdoor test alone found no backdoor (%d of %d probes above "
                        + "τ=%.3f); certifying also needs membership inference on the subject's clean samples",
                        result.hits(), result.probes(), plan.threshold()))
                        .orElse(plan.infeasibility().orElse("the backdoor test could not run"))));
    }

    private static Optional<VerdictDecision> keptBackdoor(BackdoorTestPlan plan, Optional<BackdoorTestResult> backdoor) {
        if (backdoor.isEmpty() || backdoor.get().decision() != SprtDecision.KEPT) {
            return Optional.empty();
        }
        return Optional.of(new VerdictDecision(Verdict.NOT_DELETED, String.format("the subject's backdoor is still "
                + "there: %d of %d probes scored above τ=%.3f, where an unlearnt trigger hits at most %.4f (α=%.1e)",
                backdoor.get().hits(), backdoor.get().probes(), plan.threshold(), plan.nullHitRate(), plan.alpha())));
    }
}
