package org.lethe.verifier.backdoor;

import org.hipparchus.stat.StatUtils;
import org.lethe.verifier.oracle.ModelOracle;
import org.lethe.verifier.trigger.TriggerSpec;

import java.util.Arrays;
import java.util.Collection;

/**
 * Measures the {@link NullModel} of a served model version: paired scores of unused triggers, which no
 * model ever learnt, asked exactly as a verification asks. Done once per version, shared by every
 * verification against it.
 */
public final class NullCalibration {

    private final PairedScorer scorer;
    private final ProbeSupply supply;

    public NullCalibration(PairedScorer scorer, ProbeSupply supply) {
        this.scorer = scorer;
        this.supply = supply;
    }

    /**
     * @param triggers         unused triggers to measure, at least 2
     * @param probesPerTrigger probes each, at least 2
     */
    public NullModel measure(ModelOracle model, Collection<TriggerSpec> enrolled, int triggers, int probesPerTrigger) {
        if (triggers < 2 || probesPerTrigger < 2) {
            throw new IllegalArgumentException("the null needs ≥ 2 triggers of ≥ 2 probes; got " + triggers + " × "
                    + probesPerTrigger);
        }
        double[] means = new double[triggers];
        double[] deviations = new double[triggers * probesPerTrigger];
        // a deviation from the trigger's own fitted mean is narrower than one from its true mean by √((n−1)/n)
        double unbiased = Math.sqrt(probesPerTrigger / (probesPerTrigger - 1.0));
        double withinVariance = 0;
        for (int t = 0; t < triggers; t++) {
            TriggerSpec unused = supply.unusedTrigger(enrolled);
            double[] residuals = scorer.score(model, unused, supply.pairs(unused, enrolled, probesPerTrigger)).residuals();
            means[t] = StatUtils.mean(residuals);
            withinVariance += StatUtils.variance(residuals) / triggers;
            for (int i = 0; i < probesPerTrigger; i++) {
                deviations[t * probesPerTrigger + i] = (residuals[i] - means[t]) * unbiased;
            }
        }
        Arrays.sort(deviations);
        double betweenVariance = Math.max(0, StatUtils.variance(means) - withinVariance / probesPerTrigger);
        return new NullModel(StatUtils.mean(means), Math.sqrt(betweenVariance), Math.sqrt(withinVariance), triggers,
                probesPerTrigger, deviations);
    }
}
