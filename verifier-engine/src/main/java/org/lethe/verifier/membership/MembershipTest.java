package org.lethe.verifier.membership;

import org.lethe.verifier.statistics.RankSum;

/**
 * Compares a subject's membership scores with known non-members' on one model, the non-members taken in
 * the subject's mix of classes. Rank-sum tests make no assumption about the scores' distribution; each
 * score is tested at α/2 (Bonferroni), so non-members are called members with probability at most α.
 * The mix matters: marking leaves all of a subject's target-class samples untouched, so the test sees
 * twice that class's share, and a model surer of trousers than its reference models made honestly deleted
 * subjects whose target was trousers look like members 1.7 % of the time at α = 10⁻³ (Fashion-MNIST,
 * S = 8, held-out training images) against non-members of every class.
 */
public final class MembershipTest {

    private static final double ONE_PERCENT = 0.01;

    private MembershipTest() {
    }

    public static MembershipResult compare(MembershipScores subject, MembershipScores nonMembers, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("α must lie in (0, 1), got " + alpha);
        }
        MembershipScores matched = nonMembers.matchedTo(subject.labels());
        RankSum lira = RankSum.compare(subject.lira(), matched.lira());
        RankSum loss = RankSum.compare(subject.loss(), matched.loss());
        double tpr = RankSum.truePositiveRateAt(ONE_PERCENT, subject.lira(), matched.lira());
        boolean shown = lira.pValue() < alpha / 2 || loss.pValue() < alpha / 2;
        return new MembershipResult(MembershipResult.LIRA_AND_LOSS_RANK_SUM, subject.size(), matched.size(), lira.auc(),
                lira.pValue(), tpr, loss.auc(), loss.pValue(), alpha, shown);
    }
}
