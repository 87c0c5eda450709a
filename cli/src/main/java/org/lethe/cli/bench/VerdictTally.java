package org.lethe.cli.bench;

import org.lethe.ledger.record.Verdict;
import org.lethe.verifier.statistics.SprtDecision;
import org.lethe.verifier.verification.Layer;
import org.lethe.verifier.verification.VerificationOutcome;

/**
 * One strategy group's verdicts under one mode (black box, or with the replay), and which layer gave them.
 *
 * @param certified              CERTIFIED verdicts
 * @param notDeleted             NOT_DELETED verdicts
 * @param notDeletedByMembership of those, given by membership inference while the backdoor test found nothing
 * @param notDeletedByReplay     of those, given by the replay (the version was not trained on what it claims)
 * @param inconclusive           INCONCLUSIVE verdicts
 * @param evasions               of those, from the serving layer: a sentinel's backdoor gone, an answer changed when
 *                               asked again, or an answer unlike the replayed model's
 * @param undecided              verifications whose backdoor test could not be planned or ran out of probes
 */
record VerdictTally(int certified, int notDeleted, int notDeletedByMembership, int notDeletedByReplay, int inconclusive,
                    int evasions, int undecided) {

    static VerdictTally none() {
        return new VerdictTally(0, 0, 0, 0, 0, 0, 0);
    }

    /** This tally with one more verification counted. */
    VerdictTally plus(VerificationOutcome outcome) {
        Verdict verdict = outcome.decision().verdict();
        // the replay is weighed before the black-box tests: a NOT_DELETED beside a replay that failed is the replay's
        boolean replayFound = verdict == Verdict.NOT_DELETED && outcome.replay().computation() == Layer.FAILED;
        return new VerdictTally(certified + (verdict == Verdict.CERTIFIED ? 1 : 0),
                notDeleted + (verdict == Verdict.NOT_DELETED ? 1 : 0),
                notDeletedByMembership + (outcome.notDeletedByMembershipAlone() && !replayFound ? 1 : 0),
                notDeletedByReplay + (replayFound ? 1 : 0),
                inconclusive + (verdict == Verdict.INCONCLUSIVE ? 1 : 0),
                evasions + (outcome.evasion() ? 1 : 0),
                undecided + (outcome.backdoor().filter(result -> result.decision() != SprtDecision.CONTINUE).isEmpty()
                        ? 1 : 0));
    }

    /** The two tallies together. */
    VerdictTally plus(VerdictTally other) {
        return new VerdictTally(certified + other.certified, notDeleted + other.notDeleted,
                notDeletedByMembership + other.notDeletedByMembership, notDeletedByReplay + other.notDeletedByReplay,
                inconclusive + other.inconclusive, evasions + other.evasions, undecided + other.undecided);
    }

    int verifications() {
        return certified + notDeleted + inconclusive;
    }
}
