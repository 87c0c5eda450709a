package org.lethe.verifier.verification;

import org.junit.jupiter.api.Test;
import org.lethe.ledger.record.Verdict;
import org.lethe.verifier.backdoor.BackdoorTestPlan;
import org.lethe.verifier.backdoor.BackdoorTestResult;
import org.lethe.verifier.membership.MembershipResult;
import org.lethe.verifier.statistics.SprtDecision;
import org.lethe.verifier.statistics.TruncatedBinomialSprt;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictDecisionTest {

    private static final BackdoorTestPlan FEASIBLE = new BackdoorTestPlan(0.7, 0.2, 1.2, 0.006, 0.6, 1e-3, 1e-3, 30,
            Optional.of(TruncatedBinomialSprt.design(0.006, 0.6, 5e-4, 1e-3, 30)), Optional.empty());
    private static final BackdoorTestPlan UNTAKEN = new BackdoorTestPlan(0.7, 0.2, 1.2, 0.006, 0.004, 1e-3,
            1e-3, 30, Optional.empty(), Optional.of("the trigger did not take"));

    private static Optional<BackdoorTestResult> backdoor(SprtDecision decision) {
        return Optional.of(new BackdoorTestResult(BackdoorTestResult.PAIRED_SCORE_TRUNCATED_SPRT, decision, 5, 1, 1,
                0.2, FEASIBLE));
    }

    private static MembershipResult membership(boolean shown) {
        return new MembershipResult(MembershipResult.LIRA_AND_LOSS_RANK_SUM, 150, 300, 0.5, shown ? 1e-5 : 0.4, 0.01,
                0.5, 0.4, 1e-3, shown);
    }

    @Test
    void certifiesOnlyWhenTheBackdoorIsGoneAndMembershipIsNotShown() {
        assertEquals(Verdict.CERTIFIED, VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.DELETED), membership(false)).verdict());
        assertEquals(Verdict.NOT_DELETED, VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.DELETED), membership(true)).verdict());
        assertEquals(Verdict.NOT_DELETED, VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.KEPT), membership(false)).verdict());
        assertEquals(Verdict.INCONCLUSIVE, VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.CONTINUE), membership(false)).verdict());
    }

    @Test
    void anOutcomeSaysWhenMembershipInferenceAloneFoundTheData() {
        assertTrue(outcome(FEASIBLE, backdoor(SprtDecision.DELETED), membership(true)).notDeletedByMembershipAlone());
        assertTrue(outcome(UNTAKEN, Optional.empty(), membership(true)).notDeletedByMembershipAlone());
        assertFalse(outcome(FEASIBLE, backdoor(SprtDecision.KEPT), membership(true)).notDeletedByMembershipAlone());
        assertFalse(outcome(FEASIBLE, backdoor(SprtDecision.KEPT), membership(false)).notDeletedByMembershipAlone());
        assertFalse(outcome(FEASIBLE, backdoor(SprtDecision.DELETED), membership(false)).notDeletedByMembershipAlone());
    }

    private static VerificationOutcome outcome(BackdoorTestPlan plan, Optional<BackdoorTestResult> backdoor,
                                               MembershipResult membership) {
        return new VerificationOutcome(VerdictDecision.of(plan, backdoor, membership), plan, backdoor,
                Optional.of(membership));
    }

    @Test
    void anUntakenTriggerIsInconclusiveWithItsReasonUnlessMembershipIsShown() {
        VerdictDecision untaken = VerdictDecision.of(UNTAKEN, Optional.empty(), membership(false));
        assertEquals(Verdict.INCONCLUSIVE, untaken.verdict());
        assertTrue(untaken.reason().contains("did not take"));
        assertEquals(Verdict.NOT_DELETED, VerdictDecision.of(UNTAKEN, Optional.empty(), membership(true)).verdict());
        assertThrows(IllegalArgumentException.class, () -> VerdictDecision.of(FEASIBLE, Optional.empty(), membership(false)));
    }

    @Test
    void theBackdoorTestAloneCanFindTheDataButNeverCertify() {
        assertEquals(Verdict.NOT_DELETED, VerdictDecision.ofBackdoorAlone(FEASIBLE, backdoor(SprtDecision.KEPT)).verdict());
        VerdictDecision gone = VerdictDecision.ofBackdoorAlone(FEASIBLE, backdoor(SprtDecision.DELETED));
        assertEquals(Verdict.INCONCLUSIVE, gone.verdict());
        assertTrue(gone.reason().contains("also needs membership inference"), gone.reason());
        assertEquals(Verdict.INCONCLUSIVE, VerdictDecision.ofBackdoorAlone(UNTAKEN, Optional.empty()).verdict());
    }
}
