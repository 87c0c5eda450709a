package org.lethe.verifier.backdoor;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.lethe.verifier.statistics.BinomialBounds;
import org.lethe.verifier.statistics.TruncatedBinomialSprt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackdoorTestPlanTest {

    private static final NullModel NULL = new NullModel(0.0, 0.2, 0.3, 32, 8, normalDeviations(256, 0.3));

    /** n deviations at the normal quantiles (i + ½)/n, spread sd: a null with normal tails. */
    private static double[] normalDeviations(int n, double sd) {
        NormalDistribution normal = new NormalDistribution(0, sd);
        double[] deviations = new double[n];
        for (int i = 0; i < n; i++) {
            deviations[i] = normal.inverseCumulativeProbability((i + 0.5) / n);
        }
        return deviations;
    }

    /** 32 scores spread evenly around {@code mean}, ± {@code spread}. */
    private static BackdoorCalibration calibration(double mean, double spread) {
        double[] residuals = new double[32];
        for (int i = 0; i < residuals.length; i++) {
            residuals[i] = mean + spread * (2.0 * i / (residuals.length - 1) - 1);
        }
        return BackdoorCalibration.of(new PairedScores(residuals, 20, 3, 96), 0.95);
    }

    @Test
    void theNullBoundCoversAnUnlearntTriggersOwnPullAtHalfOfAlpha() {
        // z(1 − 5e-4) = 3.2905; spread √(0.04·(1 + 1/32) + 0.09/256)
        double expected = 3.2905 * Math.sqrt(0.04 * (1 + 1.0 / 32) + 0.09 / 256);
        assertEquals(expected, NULL.upperMean(5e-4), 1e-3);

        BackdoorTestPlan plan = BackdoorTestPlan.of(NULL, calibration(3, 1), 1e-3, 1e-3, 30);
        assertEquals(NULL.upperMean(5e-4), plan.nullMean(), 1e-12);
        assertTrue(plan.feasible());
        TruncatedBinomialSprt test = plan.sequentialTest().orElseThrow();
        assertTrue(test.falseAlarm() <= 5e-4 && test.miss() <= 1e-3, "the sequential test runs at α/2: " + test);
        assertEquals(0, test.undecided(), test.toString());
        assertEquals(30, test.maxProbes());
        assertTrue(plan.threshold() > plan.nullMean());
        assertTrue(test.expectedProbes() < 10, "expected probes " + test.expectedProbes());
        assertTrue(plan.keptHitRate() < 1, "p is a lower confidence bound, below the observed rate of 1");
        // no deviation above the threshold: q is the Clopper–Pearson bound of 0 in 256, ≈ 1.2 %
        assertEquals(1 - Math.pow(0.05, 1.0 / 256), plan.nullHitRate(), 1e-6);
    }

    @Test
    void pIsBoundedOnTheCalibrationProbesTheThresholdWasNotChosenOn() {
        // the even-numbered probes (which choose τ) all score 3; of the odd-numbered ones half score 3, half 0
        double[] residuals = new double[64];
        for (int i = 0; i < residuals.length; i++) {
            residuals[i] = i % 2 == 0 || i % 4 == 1 ? 3.0 : 0.0;
        }
        BackdoorCalibration calibration = BackdoorCalibration.of(new PairedScores(residuals, 0, 0, 96), 0.95);

        BackdoorTestPlan plan = BackdoorTestPlan.of(NULL, calibration, 1e-3, 1e-3, 30);

        assertTrue(plan.threshold() < 3.0 && plan.threshold() > plan.nullMean(), "τ=" + plan.threshold());
        assertEquals(BinomialBounds.clopperPearson(16, 32, 0.9).lower(), plan.keptHitRate(), 1e-12,
                "16 hits of the 32 held-out probes, not 48 of all 64");
        assertEquals(TruncatedBinomialSprt.design(plan.nullHitRate(), plan.keptHitRate(), 5e-4, 1e-3, 30),
                plan.sequentialTest().orElseThrow(), "the test is designed at the held-out p");
    }

    @Test
    void heavyTailsInTheNullRaiseQWhereANormalFitWouldNot() {
        double[] heavy = normalDeviations(256, 0.3);
        for (int i = 0; i < 13; i++) {
            heavy[heavy.length - 1 - i] = 2.0; // 5 % of unlearnt probes jump almost 7 σ
        }
        NullModel heavyTailed = new NullModel(0.0, 0.2, 0.3, 32, 8, heavy);

        assertTrue(heavyTailed.exceedanceBound(1.5, 0.95) > 13.0 / 256, "the bound lies above the 5 % counted");
        assertTrue(NULL.exceedanceBound(1.5, 0.95) < 0.02);
        BackdoorTestPlan plan = BackdoorTestPlan.of(heavyTailed, calibration(3, 1), 1e-3, 1e-3, 30);
        assertTrue(plan.threshold() > plan.nullMean() + 2.0 || plan.nullHitRate() > 13.0 / 256,
                "either τ clears the tail or q counts it: τ=" + plan.threshold() + ", q=" + plan.nullHitRate());
    }

    @Test
    void aTriggerThatDidNotTakeOrTooWeakABackdoorIsInfeasibleWithTheReason() {
        BackdoorTestPlan untaken = BackdoorTestPlan.of(NULL, calibration(0.2, 0.3), 1e-3, 1e-3, 30);
        assertFalse(untaken.feasible());
        assertTrue(untaken.infeasibility().orElseThrow().startsWith("the trigger did not take"),
                untaken.infeasibility().get());

        BackdoorTestPlan weak = BackdoorTestPlan.of(NULL, calibration(0.6, 1.0), 1e-3, 1e-3, 30);
        assertFalse(weak.feasible());
        assertTrue(weak.infeasibility().orElseThrow().startsWith("the backdoor is too weak"), weak.infeasibility().get());
        assertTrue(weak.sequentialTest().orElseThrow().undecided() > BackdoorTestPlan.MAX_UNDECIDED,
                "the reason is how often it would end undecided: " + weak);
        assertThrows(IllegalArgumentException.class, () -> new PairedScoreTest(null, null).run(weak, null, null, null));
    }

    @Test
    void calibrationReportsTheRatesWithTheirBoundsAndRefusesTooFewProbes() {
        BackdoorCalibration calibration = calibration(3, 1);
        assertEquals(20.0 / 32, calibration.keptRateEstimate(), 1e-12);
        assertEquals(3.0 / 96, calibration.referenceRateEstimate(), 1e-12);
        assertTrue(calibration.keptRate().lower() < 20.0 / 32 && calibration.keptRate().upper() > 20.0 / 32);
        assertTrue(calibration.labelTestDecidable(0.05, 0.05, 30));
        assertFalse(calibration.labelTestDecidable(1e-3, 1e-3, 30), "p̂ ≈ 0.63 against q̂ ≈ 0.03 needs more than 30 probes at 1e-3");
        assertThrows(IllegalArgumentException.class,
                () -> BackdoorCalibration.of(new PairedScores(new double[]{1}, 0, 0, 1), 0.95));
        assertThrows(IllegalArgumentException.class,
                () -> BackdoorTestPlan.of(NULL, calibration, 0, 1e-3, 30));
    }
}
