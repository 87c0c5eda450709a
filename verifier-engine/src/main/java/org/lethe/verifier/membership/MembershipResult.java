package org.lethe.verifier.membership;

/**
 * The subject-level membership test: the subject's clean samples against the verifier's known
 * non-members, on the same model. On a version trained with the data it measures how visible
 * membership is (AUC, TPR at 1 % FPR); after a deletion, whether it still is.
 *
 * @param procedure          the test's name, for the certificate
 * @param samples            the subject's samples scored
 * @param nonMembers         known non-members scored, in the subject's mix of classes
 * @param liraAuc            P(a subject sample's LiRA score > a non-member's)
 * @param liraPValue         one-sided rank-sum p-value of "the subject's samples are non-members" (LiRA)
 * @param liraTprAt1PctFpr   share of subject samples above the non-members' top 1 % (LiRA)
 * @param lossAuc            the same AUC for the loss score
 * @param lossPValue         the same p-value for the loss score
 * @param alpha              the test's level; each of the two scores is tested at α/2
 * @param membershipShown    whether either score rejects non-membership
 */
public record MembershipResult(String procedure, int samples, int nonMembers, double liraAuc, double liraPValue,
                               double liraTprAt1PctFpr, double lossAuc, double lossPValue, double alpha,
                               boolean membershipShown) {

    public static final String LIRA_AND_LOSS_RANK_SUM = "lira-offline+loss, rank-sum against class-matched non-members";

    /** The smaller of the two p-values. */
    public double pValue() {
        return Math.min(liraPValue, lossPValue);
    }
}
