package org.lethe.verifier.membership;

import org.lethe.verifier.statistics.RankSum;

/**
 * Compares a subject's membership scores with known non-members' on one model. Rank-sum tests make no
 * assumption about the scores' distribution; each score is tested at α/2 (Bonferroni), so non-members
 * are called members with probability at most α.
 */
public final class MembershipTest {

    private static final double ONE_PERCENT = 0.01;

    private MembershipTest() {
    }

    public static MembershipResult compare(MembershipScores subject, MembershipScores nonMembers, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("α must lie in (0, 1), got " + alpha);
        }
        RankSum lira = RankSum.compare(subject.lira(), nonMembers.lira());
        RankSum loss = RankSum.compare(subject.loss(), nonMembers.loss());
        double tpr = RankSum.truePositiveRateAt(ONE_PERCENT, subject.lira(), nonMembers.lira());
        boolean shown = lira.pValue() < alpha / 2 || loss.pValue() < alpha / 2;
        return new MembershipResult(MembershipResult.LIRA_AND_LOSS_RANK_SUM, subject.size(), nonMembers.size(), lira.auc(),
                lira.pValue(), tpr, loss.auc(), loss.pValue(), alpha, shown);
    }
}
