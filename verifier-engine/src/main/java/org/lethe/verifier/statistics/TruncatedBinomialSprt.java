package org.lethe.verifier.statistics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sequential test between hit rates q (H0, deleted) and p > q (H1, kept) that asks at most N probes.
 * Before N it stops where Wald's probability ratio test would; at N it says KEPT from the fewest hits
 * that keep the false-alarm rate within α, DELETED up to the most hits that keep the miss rate within β,
 * and stays undecided in between, a gap that closes when N probes suffice for both. Wald's error bounds do
 * not hold once the test is cut short, so every design is weighed by its exact error rates, summed over
 * all paths of hits, and Wald's boundaries are widened or narrowed to the design that decides most
 * often, with the fewest probes. Adding hits to any sequence of probes only moves the decision towards
 * KEPT, so the rates at q and p bound those at any rate ≤ q and ≥ p.
 *
 * @param keptFrom              for n = 1…N (at index n − 1): the fewest hits in n probes that stop with KEPT
 *                              (n + 1 where none does)
 * @param deletedUpTo           for n = 1…N: the most hits in n probes that stop with DELETED (−1 where none does)
 * @param falseAlarm            P(KEPT) at rate q, exact
 * @param miss                  P(DELETED) at rate p, exact
 * @param undecidedDeleted      P(undecided after N probes) at rate q
 * @param undecidedKept         P(undecided after N probes) at rate p
 * @param expectedProbesDeleted the mean number of probes at rate q
 * @param expectedProbesKept    the mean number of probes at rate p
 */
public record TruncatedBinomialSprt(List<Integer> keptFrom, List<Integer> deletedUpTo, double falseAlarm, double miss,
                                    double undecidedDeleted, double undecidedKept, double expectedProbesDeleted,
                                    double expectedProbesKept) {

    /** Wald's boundaries are tried at α and β times each of these: from wider (fewer early stops) to narrower. */
    private static final double[] WALD_SCALES = {1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2,
        3, 5, 8};

    public TruncatedBinomialSprt {
        keptFrom = List.copyOf(keptFrom);
        deletedUpTo = List.copyOf(deletedUpTo);
    }

    /**
     * Among designs within α and β: the one that ends undecided least (the larger of its chances at q and
     * p), and of those equally decisive the one with the fewest expected probes (the larger of its means).
     *
     * @throws IllegalArgumentException unless 0 < q < p < 1, α and β in (0, 1) and maxProbes ≥ 1
     */
    public static TruncatedBinomialSprt design(double q, double p, double alpha, double beta, int maxProbes) {
        if (!(0 < q && q < p && p < 1) || !(alpha > 0 && alpha < 1) || !(beta > 0 && beta < 1) || maxProbes < 1) {
            throw new IllegalArgumentException("need 0 < q < p < 1, α and β in (0, 1) and maxProbes ≥ 1; got q=" + q
                    + ", p=" + p + ", α=" + alpha + ", β=" + beta + ", maxProbes=" + maxProbes);
        }
        // without early stops the errors lie only in the last step, which always meets α and β
        TruncatedBinomialSprt best = withLastStep(q, p, alpha, beta, keptNowhere(maxProbes),
                Collections.nCopies(maxProbes, -1));
        for (double scale : WALD_SCALES) {
            if (scale * (alpha + beta) >= 1) {
                continue; // Wald's bounds would not lie either side of zero
            }
            double upper = Math.log((1 - scale * beta) / (scale * alpha));
            double lower = Math.log(scale * beta / (1 - scale * alpha));
            TruncatedBinomialSprt candidate = withWaldBoundaries(q, p, alpha, beta, upper, lower, maxProbes);
            if (candidate.falseAlarm <= alpha && candidate.miss <= beta && candidate.betterThan(best)) {
                best = candidate;
            }
        }
        return best;
    }

    /** The larger of the probabilities of ending undecided at q and at p. */
    public double undecided() {
        return Math.max(undecidedDeleted, undecidedKept);
    }

    public int maxProbes() {
        return keptFrom.size();
    }

    /** The larger of the mean numbers of probes at q and at p. */
    public double expectedProbes() {
        return Math.max(expectedProbesDeleted, expectedProbesKept);
    }

    /**
     * Where the test stands after {@code probes} probes with {@code hits} hits; CONTINUE at the last probe
     * means undecided.
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

    /** Less often undecided, or as often and with fewer expected probes. */
    public boolean betterThan(TruncatedBinomialSprt other) {
        if (undecided() != other.undecided()) {
            return undecided() < other.undecided();
        }
        return expectedProbes() < other.expectedProbes();
    }

    /** Wald's stopping rule in hits: log-ratio h·log(p/q) + (n − h)·log((1 − p)/(1 − q)) against its bounds. */
    private static TruncatedBinomialSprt withWaldBoundaries(double q, double p, double alpha, double beta,
                                                            double upper, double lower, int maxProbes) {
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
        return withLastStep(q, p, alpha, beta, keptFrom, deletedUpTo);
    }

    private static List<Integer> keptNowhere(int maxProbes) {
        List<Integer> keptFrom = new ArrayList<>();
        for (int n = 1; n <= maxProbes; n++) {
            keptFrom.add(n + 1);
        }
        return keptFrom;
    }

    /**
     * Replaces the last probe's boundaries: KEPT from the fewest hits that keep the exact false-alarm rate
     * within α, DELETED up to the most that keep the exact miss rate within β; where those overlap, every
     * count below the KEPT boundary says DELETED.
     */
    private static TruncatedBinomialSprt withLastStep(double q, double p, double alpha, double beta,
                                                      List<Integer> keptFrom, List<Integer> deletedUpTo) {
        int last = keptFrom.size();
        PathSums atQ = PathSums.of(q, keptFrom, deletedUpTo);
        PathSums atP = PathSums.of(p, keptFrom, deletedUpTo);
        int keptAtLast = last + 1;
        while (keptAtLast > 0 && atQ.kept + atQ.atLast(keptAtLast - 1, last) <= alpha) {
            keptAtLast--;
        }
        int deletedAtLast = -1;
        while (deletedAtLast < last && atP.deleted + atP.atLast(0, deletedAtLast + 1) <= beta) {
            deletedAtLast++;
        }
        deletedAtLast = Math.min(deletedAtLast, keptAtLast - 1);
        List<Integer> finalKept = new ArrayList<>(keptFrom);
        List<Integer> finalDeleted = new ArrayList<>(deletedUpTo);
        finalKept.set(last - 1, keptAtLast);
        finalDeleted.set(last - 1, deletedAtLast);
        return new TruncatedBinomialSprt(finalKept, finalDeleted, atQ.kept + atQ.atLast(keptAtLast, last),
                atP.deleted + atP.atLast(0, deletedAtLast), atQ.atLast(deletedAtLast + 1, keptAtLast - 1),
                atP.atLast(deletedAtLast + 1, keptAtLast - 1), atQ.expectedProbes, atP.expectedProbes);
    }

    /**
     * The probability of every way a run at one hit rate can go: stopped early either way, or at the last probe
     * with each count of hits (the last probe's own boundaries are left out: the last step replaces
     * them); and the mean number of probes.
     */
    private record PathSums(double kept, double deleted, double[] reachingLast, double expectedProbes) {

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

        /** Runs reaching the last probe with {@code from} to {@code to} hits, both included. */
        double atLast(int from, int to) {
            double sum = 0;
            for (int hits = Math.max(0, from); hits <= Math.min(to, reachingLast.length - 1); hits++) {
                sum += reachingLast[hits];
            }
            return sum;
        }
    }
}
