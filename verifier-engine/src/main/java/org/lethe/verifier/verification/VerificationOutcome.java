package org.lethe.verifier.verification;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.ledger.record.LayerState;
import org.lethe.ledger.record.Verdict;
import org.lethe.ledger.record.VerificationFigures;
import org.lethe.ledger.record.VerificationLayers;
import org.lethe.verifier.backdoor.BackdoorTestPlan;
import org.lethe.verifier.backdoor.BackdoorTestResult;
import org.lethe.verifier.membership.MembershipResult;
import org.lethe.verifier.serving.ServingCheck;
import org.lethe.verifier.statistics.SprtDecision;

import java.util.Optional;

/**
 * One verification's figures and verdict.
 *
 * @param decision   the verdict and its reason
 * @param plan       the paired test as planned (μ0, μ1, σ, α, β, why it could not run if it could not)
 * @param backdoor   the paired test's result, empty when the plan was infeasible
 * @param membership the membership test on the served version; empty when the subject's samples were not at hand
 * @param serving    the serving layer on the same version: the verifier's sentinels and repeated images (nothing
 *                   checked when the subject's data was found first)
 * @param data       the data layer: the subject's samples against the served version's training-set root
 * @param replay     the computation layer, and the served model's answers against the replayed model's
 */
public record VerificationOutcome(VerdictDecision decision, BackdoorTestPlan plan, Optional<BackdoorTestResult> backdoor,
                                  Optional<MembershipResult> membership, ServingCheck serving, DataCheck data,
                                  ReplayCheck replay) {

    /** How each layer of evidence came out. */
    public EvidenceLayers layers() {
        return new EvidenceLayers(data.layer(), replay.computation(), servingLayer(), statisticsLayer());
    }

    /**
     * The same measurements judged without the replay: the verdict a black-box verifier, which got no material
     * from the provider, gives on them.
     */
    public VerificationOutcome blackBox() {
        ReplayCheck none = ReplayCheck.notRun();
        return new VerificationOutcome(membership.map(result -> VerdictDecision.of(plan, backdoor, result, serving, data,
                none)).orElse(decision), plan, backdoor, membership, serving, data, none);
    }

    private Layer servingLayer() {
        if (serving.evasion() || replay.disagreed() > 0) {
            return Layer.FAILED;
        }
        if (serving.servingShown() || replay.compared() > 0 && !serving.checked()) {
            return Layer.PASSED;
        }
        return serving.checked() ? Layer.UNDECIDED : Layer.NOT_CHECKED;
    }

    private Layer statisticsLayer() {
        boolean kept = backdoor.filter(result -> result.decision() == SprtDecision.KEPT).isPresent();
        if (kept || membership.filter(MembershipResult::membershipShown).isPresent()) {
            return Layer.FAILED;
        }
        boolean gone = backdoor.filter(result -> result.decision() == SprtDecision.DELETED).isPresent();
        return gone && membership.isPresent() ? Layer.PASSED : Layer.UNDECIDED;
    }

    /**
     * Whether the verdict rests on the served model hiding sentinels' backdoors, changing its answers, or answering
     * otherwise than the replayed recorded version.
     */
    public boolean evasion() {
        return decision.verdict() == Verdict.INCONCLUSIVE && (serving.evasion() || replay.disagreed() > 0);
    }

    /** Whether membership inference alone called the data kept: NOT_DELETED, and the backdoor test did not find it. */
    public boolean notDeletedByMembershipAlone() {
        return decision.verdict() == Verdict.NOT_DELETED
                && backdoor.filter(result -> result.decision() == SprtDecision.KEPT).isEmpty();
    }

    /**
     * The figures {@code recordVerification} puts on the ledger for this outcome and its signed certificate.
     * The membership statistic is the LiRA AUC less one half: above zero leans member; 0 when not measured.
     */
    public VerificationFigures ledgerFigures(Bytes32 certificateHash) {
        return new VerificationFigures(decision.verdict(), backdoor.map(BackdoorTestResult::probes).orElse(0),
                backdoor.map(BackdoorTestResult::targetHits).orElse(0), plan.alpha(), plan.beta(),
                backdoor.map(BackdoorTestResult::targetRate).orElse(0.0), membership.map(result -> result.liraAuc() - 0.5).orElse(0.0), certificateHash,
                ledgerLayers());
    }

    private VerificationLayers ledgerLayers() {
        EvidenceLayers layers = layers();
        return new VerificationLayers(LayerState.valueOf(layers.data().name()),
                LayerState.valueOf(layers.computation().name()), LayerState.valueOf(layers.serving().name()),
                LayerState.valueOf(layers.statistics().name()));
    }
}
