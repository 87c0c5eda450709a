package org.lethe.verifier.statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sequential test between hit rates q (H0, deleted) and p > q (H1, kept) that decides by the N-th
 * probe at the latest. Before N it stops where Wald's probability ratio test would; at N the hits so far
 * decide against a fixed threshold. Wald's error bounds do not hold once the test is cut short, so every
 * design is weighed by its exact error rates, summed over all paths of hits, and Wald's boundaries are
 * widened or narrowed until those meet α and β with the fewest probes. Adding hits to any sequence of
 * probes only moves the decision towards KEPT, so the rates at q and p bound those at any rate ≤ q and ≥ p.
 *
 * @param keptFrom              for n = 1…N (at index n − 1): the fewest hits in n probes that stop with KEPT
 *                              (n + 1 where none does)
 * @param deletedUpTo           for n = 1…N: the most hits in n probes that stop with DELETED (−1 where none
 *                              does); at N it is keptFrom − 1, so every path ends decided
 * @param falseAlarm            P(KEPT) at rate q, exact
 * @param miss                  P(DELETED) at rate p, exact
 * @param expectedProbesDeleted the mean number of probes at rate q
 * @param expectedProbesKept    the mean number of probes at rate p
 */
public record TruncatedBinomialSprt(List<Integer> keptFrom, List<Integer> deletedUpTo, double falseAlarm, double miss,
                                    double expectedProbesDeleted, double expectedProbesKept) {

    /** Wald's boundaries are tried at α and β times each of these: from wider (fewer early stops) to narrower. */
    private static final double[] WALD_SCALES = {1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3,
        5, 8};

    public TruncatedBinomialSprt {
        keptFrom = List.copyOf(keptFrom);
        deletedUpTo = List.copyOf(deletedUpTo);
    }

    /**
     * The design with the fewest expected probes (the larger of its means at q and p) among those that meet
     * α and β; when none does, the one within α that misses least, which {@link #meets} then refuses.
     *
     * @throws IllegalArgumentException unless 0 < q < p < 1, α and β in (0, 1) and maxProbes ≥ 1
     */
    public static TruncatedBinomialSprt design(double q, double p, double alpha, double beta, int maxProbes) {
        if (!(0 < q && q < p && p < 1) || !(alpha > 0 && alpha < 1) || !(beta > 0 && beta < 1) || maxProbes < 1) {
            throw new IllegalArgumentException("need 0 < q < p < 1, α and β in (0, 1) and maxProbes ≥ 1; got q=" + q
                    + ", p=" + p + ", α=" + alpha + ", β=" + beta + ", maxProbes=" + maxProbes);
        }
        TruncatedBinomialSprt best = withFinalThreshold(q, p, alpha, keptNowhere(maxProbes),
                Collections.nCopies(maxProbes, -1));
        for (double scale : WALD_SCALES) {
            if (scale * (alpha + beta) >= 1) {
                continue; // Wald's bounds would not lie either side of zero
            }
            double upper = Math.log((1 - scale * beta) / (scale * alpha));
            double lower = Math.log(scale * beta / (1 - scale * alpha));
            TruncatedBinomialSprt candidate = withWaldBoundaries(q, p, alpha, upper, lower, maxProbes);
            if (candidate.betterThan(best, alpha, beta)) {
                best = candidate;
            }
        }
        return best;
    }

    /** True when both exact error rates are within those asked. */
    public boolean meets(double alpha, double beta) {
        return falseAlarm <= alpha && miss <= beta;
    }

    public int maxProbes() {
        return keptFrom.size();
    }

    /** The larger of the mean numbers of probes at q and at p. */
    public double expectedProbes() {
        return Math.max(expectedProbesDeleted, expectedProbesKept);
    }

    /**
     * Where the test stands after {@code probes} probes with {@code hits} hits; never CONTINUE at the last probe.
     *
     * @throws IllegalArgumentException unless 1 ≤ probes ≤ N and 0 ≤ hits ≤ probes
     */
    public SprtDecision decide(int probes, int hits) {
        if (probes < 1 || probes > maxProbes() || hits < 0 || hits > probes) {
            throw new IllegalArgumentException("need 1 ≤ probes ≤ " + maxProbes() + " and 0 ≤ hits ≤ probes; got "
                    + hits + " hits in " + probes);
        }
        if (hits >= keptFrom.get(probes - 1)) {
            return SprtDecision.KEPT;
        }
        return hits <= deletedUpTo.get(probes - 1) ? SprtDecision.DELETED : SprtDecision.CONTINUE;
    }

    /**
     * Meeting α and β comes first, then fewer expected probes; among designs that fail, one within α that
     * misses less.
     */
    public boolean betterThan(TruncatedBinomialSprt other, double alpha, double beta) {
        if (meets(alpha, beta) != other.meets(alpha, beta)) {
            return meets(alpha, beta);
        }
        if (meets(alpha, beta)) {
            return expectedProbes() < other.expectedProbes();
        }
        if ((falseAlarm <= alpha) != (other.falseAlarm <= alpha)) {
            return falseAlarm <= alpha;
        }
        return miss < other.miss;
    }

    /** Wald's stopping rule in hits: log-ratio h·log(p/q) + (n − h)·log((1 − p)/(1 − q)) against its bounds. */
    private static TruncatedBinomialSprt withWaldBoundaries(double q, double p, double alpha, double upper, double lower,
                                                            int maxProbes) {
        double hitStep = Math.log(p / q);
        double missStep = Math.log((1 - p) / (1 - q));
        List<Integer> keptFrom = new ArrayList<>();
        List<Integer> deletedUpTo = new ArrayList<>();
        for (int n = 1; n <= maxProbes; n++) {
            double keptHits = Math.ceil((upper - n * missStep) / (hitStep - missStep));
            double deletedHits = Math.floor((lower - n * missStep) / (hitStep - missStep));
            keptFrom.add((int) Math.max(0, Math.min(n + 1, keptHits)));
            deletedUpTo.add((int) Math.max(-1, Math.min(n, deletedHits)));
        }
        return withFinalThreshold(q, p, alpha, keptFrom, deletedUpTo);
    }

    private static List<Integer> keptNowhere(int maxProbes) {
        List<Integer> keptFrom = new ArrayList<>();
        for (int n = 1; n <= maxProbes; n++) {
            keptFrom.add(n + 1);
        }
        return keptFrom;
    }

    /**
     * Replaces the last probe's boundaries with the most powerful last step: the fewest hits at N that keep
     * the exact false-alarm rate within α.
     */
    private static TruncatedBinomialSprt withFinalThreshold(double q, double p, double alpha, List<Integer> keptFrom,
                                                          List<Integer> deletedUpTo) {
        int last = keptFrom.size();
        PathSums atQ = PathSums.of(q, keptFrom, deletedUpTo);
        PathSums atP = PathSums.of(p, keptFrom, deletedUpTo);
        int threshold = last + 1;
        while (threshold > 0 && atQ.kept + atQ.undecidedFrom(threshold - 1) <= alpha) {
            threshold--;
        }
        List<Integer> finalKept = new ArrayList<>(keptFrom);
        List<Integer> finalDeleted = new ArrayList<>(deletedUpTo);
        finalKept.set(last - 1, threshold);
        finalDeleted.set(last - 1, threshold - 1);
        return new TruncatedBinomialSprt(finalKept, finalDeleted, atQ.kept + atQ.undecidedFrom(threshold),
                atP.deleted + atP.undecided(0, threshold), atQ.expectedProbes, atP.expectedProbes);
    }

    /**
     * The probability of every way a run at one hit rate can go: stopped early either way, or at the last probe
     * with each count of hits (the last probe's own boundaries are left out: the final threshold replaces
     * them); and the mean number of probes.
     */
    private record PathSums(double kept, double deleted, double[] undecidedAtLast, double expectedProbes) {

        static PathSums of(double rate, List<Integer> keptFrom, List<Integer> deletedUpTo) {
            int last = keptFrom.size();
            double[] undecided = {1};
            double kept = 0;
            double deleted = 0;
            double expectedProbes = 0;
            for (int n = 1; n <= last; n++) {
                double[] next = new double[n + 1];
                for (int hits = 0; hits < undecided.length; hits++) {
                    next[hits] += undecided[hits] * (1 - rate);
                    next[hits + 1] += undecided[hits] * rate;
                }
                if (n < last) {
                    for (int hits = 0; hits <= n; hits++) {
                        boolean stopsKept = hits >= keptFrom.get(n - 1);
                        boolean stopsDeleted = hits <= deletedUpTo.get(n - 1);
                        kept += stopsKept ? next[hits] : 0;
                        deleted += stopsDeleted ? next[hits] : 0;
                        expectedProbes += stopsKept || stopsDeleted ? n * next[hits] : 0;
                        next[hits] = stopsKept || stopsDeleted ? 0 : next[hits];
                    }
                } else {
                    for (double mass : next) {
                        expectedProbes += n * mass;
                    }
                }
                undecided = next;
            }
            return new PathSums(kept, deleted, undecided, expectedProbes);
        }

        /** Runs reaching the last probe undecided with at least {@code hits} hits. */
        double undecidedFrom(int hits) {
            return undecided(hits, undecidedAtLast.length);
        }

        double undecided(int fromHits, int toHitsExclusive) {
            double sum = 0;
            for (int hits = Math.max(0, fromHits); hits < Math.min(toHitsExclusive, undecidedAtLast.length); hits++) {
                sum += undecidedAtLast[hits];
            }
            return sum;
        }
    }
}
