package org.lethe.verifier.verification;

import org.lethe.ledger.record.Verdict;
import org.lethe.verifier.backdoor.BackdoorTestPlan;
import org.lethe.verifier.backdoor.BackdoorTestResult;
import org.lethe.verifier.membership.MembershipResult;
import org.lethe.verifier.serving.ServingCheck;
import org.lethe.verifier.statistics.SprtDecision;

import java.util.Optional;

/**
 * The verdict from the four layers of evidence that were checked. CERTIFIED only when the backdoor test accepts deletion
 * at the asked β, membership inference does not reject non-membership and every sentinel tested showed its
 * backdoor, with every repeated image answered as before; NOT_DELETED when either test finds the data;
 * INCONCLUSIVE otherwise, with the reason (an evasion when a sentinel's backdoor is gone or an answer changed).
 * A sample proven present in the served version's own root is NOT_DELETED before any test.
 *
 * @param verdict the decision
 * @param reason  one sentence for the subject and the certificate
 */
public record VerdictDecision(Verdict verdict, String reason) {

    /**
     * @param backdoor  the paired test's result, empty when the plan was infeasible and not run
     * @param serving  the serving layer; a certificate needs every sentinel's backdoor shown (unless none was at
     *                 hand) and every repeated image answered as before
     * @param data     the data layer; a sample proven in the served version's own root is data kept, and a
     *                 certificate needs every sample proven absent (unless the data layer was not checked)
     * @param replay   the computation layer and the replayed model's agreement with the served one: a replay that
     *                 gives other weights than recorded shows a version not trained on what it claims; a served
     *                 model that answers otherwise than the replay is not the recorded one
     */
    public static VerdictDecision of(BackdoorTestPlan plan, Optional<BackdoorTestResult> backdoor,
                                     MembershipResult membership, ServingCheck serving, DataCheck data,
                                     ReplayCheck replay) {
        if (data.layer() == Layer.FAILED) {
            return new VerdictDecision(Verdict.NOT_DELETED, String.format("the served version's own training-set root on "
                    + "the ledger holds %d of the subject's %d samples (each proof checked against it)",
                    data.provenPresent(), data.samples()));
        }
        if (replay.computation() == Layer.FAILED) {
            return new VerdictDecision(Verdict.NOT_DELETED, "replay: the recorded version was not trained on what its "
                    + "transcript claims, so the deletion it records did not happen (" + replay.detail() + ")");
        }
        Optional<VerdictDecision> kept = keptBackdoor(plan, backdoor);
        if (kept.isPresent()) {
            return kept.get();
        }
        if (membership.membershipShown()) {
            return new VerdictDecision(Verdict.NOT_DELETED, String.format("membership inference still finds the subject's "
                    + "samples: p=%.2e below α/2=%.1e", membership.pValue(), membership.alpha() / 2));
        }
        if (replay.disagreed() > 0) {
            return new VerdictDecision(Verdict.INCONCLUSIVE, String.format("evasion: the served model answered %d of %d "
                    + "images otherwise than the replayed recorded version, so it is not the model it recorded",
                    replay.disagreed(), replay.compared()));
        }
        if (serving.changed() > 0) {
            return new VerdictDecision(Verdict.INCONCLUSIVE, String.format("evasion: the served model answered %d of %d "
                    + "images differently when asked again, so something other than fixed weights answers the queries",
                    serving.changed(), serving.repeated()));
        }
        if (serving.suppressed() > 0) {
            return new VerdictDecision(Verdict.INCONCLUSIVE, String.format("evasion: the served model no longer shows "
                    + "triggers it was trained with (%d of %d sentinel subjects, who never asked for deletion, tested as "
                    + "unlearnt: a query filter, or a model damaged beyond the deletion), so a missing backdoor does not "
                    + "show a deletion", serving.suppressed(), serving.sentinels()));
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
        if (serving.checked() && !serving.servingShown()) {
            return new VerdictDecision(Verdict.INCONCLUSIVE, String.format("the served model is not shown to answer as it "
                    + "was trained: %d of %d sentinel subjects showed their backdoors, %d undecided or never calibrated",
                    serving.shown(), serving.sentinels(), serving.undecided()));
        }
        if (replay.computation() == Layer.UNDECIDED) {
            return new VerdictDecision(Verdict.INCONCLUSIVE, "replay could not run: " + replay.detail());
        }
        if (data.layer() == Layer.UNDECIDED) {
            return new VerdictDecision(Verdict.INCONCLUSIVE, String.format("only %d of the subject's %d samples were "
                    + "proven absent from the served version's training-set root", data.provenAbsent(), data.samples()));
        }
        return new VerdictDecision(Verdict.CERTIFIED, String.format("the backdoor is gone (%d of %d probes above τ=%.3f, "
                + "β=%.1e), membership inference finds nothing (p=%.2f), %s and %s", backdoor.get().hits(),
                backdoor.get().probes(), plan.threshold(), plan.beta(), membership.pValue(),
                serving.checked() ? "all " + serving.sentinels() + " sentinel subjects showed their backdoors"
                        : "no sentinel subject was tested",
                (data.layer() == Layer.PASSED ? "all " + data.samples() + " samples are proven absent from the version's "
                        + "training-set root" : "the training-set root was not checked")
                        + (replay.computation() == Layer.PASSED ? "; the replay gave the recorded weights and the served "
                        + "model answered as the replayed one" : "")));
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
