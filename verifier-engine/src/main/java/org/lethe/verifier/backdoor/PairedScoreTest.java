package org.lethe.verifier.backdoor;

import org.lethe.verifier.oracle.ModelOracle;
import org.lethe.verifier.statistics.BinomialSprt;
import org.lethe.verifier.statistics.SprtDecision;
import org.lethe.verifier.trigger.TriggerSpec;

import java.util.Collection;

/**
 * Runs a feasible {@link BackdoorTestPlan} against the served model one probe pair at a time, stopping as
 * soon as Wald's test decides or the plan's probes run out.
 */
public final class PairedScoreTest {

    private final PairedScorer scorer;
    private final ProbeSupply supply;

    public PairedScoreTest(PairedScorer scorer, ProbeSupply supply) {
        this.scorer = scorer;
        this.supply = supply;
    }

    /**
     * @throws IllegalArgumentException when the plan is not feasible
     */
    public BackdoorTestResult run(BackdoorTestPlan plan, ModelOracle servedModel, TriggerSpec trigger,
                                  Collection<TriggerSpec> enrolled) {
        if (!plan.feasible()) {
            throw new IllegalArgumentException("an infeasible plan is not run: " + plan.infeasibility().orElseThrow());
        }
        BinomialSprt test = new BinomialSprt(plan.nullHitRate(), plan.keptHitRate(), plan.sequentialAlpha(), plan.beta());
        int targetHits = 0;
        double scoreSum = 0;
        SprtDecision decision = SprtDecision.CONTINUE;
        while (decision == SprtDecision.CONTINUE && test.probes() < plan.maxProbes()) {
            PairedScores scores = scorer.score(servedModel, trigger, supply.pairs(trigger, enrolled, 1));
            targetHits += scores.targetHits();
            scoreSum += scores.residuals()[0];
            decision = test.observe(scores.residuals()[0] > plan.threshold());
        }
        return new BackdoorTestResult(BackdoorTestResult.PAIRED_SCORE_SPRT, decision, test.probes(), test.hits(),
                targetHits, scoreSum / test.probes(), plan);
    }
}
