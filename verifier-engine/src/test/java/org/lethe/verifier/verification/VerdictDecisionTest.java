package org.lethe.verifier.verification;

import org.junit.jupiter.api.Test;
import org.lethe.ledger.record.Verdict;
import org.lethe.verifier.backdoor.BackdoorTestPlan;
import org.lethe.verifier.backdoor.BackdoorTestResult;
import org.lethe.verifier.membership.MembershipResult;
import org.lethe.verifier.serving.SentinelPanel;
import org.lethe.verifier.serving.ServingCheck;
import org.lethe.verifier.statistics.SprtDecision;
import org.lethe.verifier.statistics.TruncatedBinomialSprt;

import java.util.List;
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
    private static final ServingCheck SHOWN = new ServingCheck(3, 3, 0, 12, 16, 0);
    private static final DataCheck ABSENT = new DataCheck(300, 300, 0);
    private static final ReplayCheck NO_REPLAY = ReplayCheck.notRun();

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
        assertEquals(Verdict.CERTIFIED, VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.DELETED),
                membership(false), SHOWN, ABSENT, NO_REPLAY).verdict());
        assertEquals(Verdict.NOT_DELETED, VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.DELETED),
                membership(true), SHOWN, ABSENT, NO_REPLAY).verdict());
        assertEquals(Verdict.NOT_DELETED, VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.KEPT),
                membership(false), SHOWN, ABSENT, NO_REPLAY).verdict());
        assertEquals(Verdict.INCONCLUSIVE, VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.CONTINUE),
                membership(false), SHOWN, ABSENT, NO_REPLAY).verdict());
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
        return new VerificationOutcome(VerdictDecision.of(plan, backdoor, membership, SHOWN, ABSENT, NO_REPLAY), plan,
                backdoor, Optional.of(membership), SHOWN, ABSENT, NO_REPLAY);
    }

    @Test
    void anUntakenTriggerIsInconclusiveWithItsReasonUnlessMembershipIsShown() {
        VerdictDecision untaken = VerdictDecision.of(UNTAKEN, Optional.empty(), membership(false), SHOWN, ABSENT,
                NO_REPLAY);
        assertEquals(Verdict.INCONCLUSIVE, untaken.verdict());
        assertTrue(untaken.reason().contains("did not take"));
        assertEquals(Verdict.NOT_DELETED, VerdictDecision.of(UNTAKEN, Optional.empty(),
                membership(true), SHOWN, ABSENT, NO_REPLAY).verdict());
        assertThrows(IllegalArgumentException.class, () -> VerdictDecision.of(FEASIBLE, Optional.empty(),
                membership(false), SHOWN, ABSENT, NO_REPLAY));
    }

    @Test
    void theBackdoorTestAloneCanFindTheDataButNeverCertify() {
        assertEquals(Verdict.NOT_DELETED, VerdictDecision.ofBackdoorAlone(FEASIBLE, backdoor(SprtDecision.KEPT)).verdict());
        VerdictDecision gone = VerdictDecision.ofBackdoorAlone(FEASIBLE, backdoor(SprtDecision.DELETED));
        assertEquals(Verdict.INCONCLUSIVE, gone.verdict());
        assertTrue(gone.reason().contains("also needs membership inference"), gone.reason());
        assertEquals(Verdict.INCONCLUSIVE, VerdictDecision.ofBackdoorAlone(UNTAKEN, Optional.empty()).verdict());
    }

    @Test
    void aSuppressedSentinelMakesEvenAGoneBackdoorInconclusiveAsEvasion() {
        ServingCheck suppressed = new ServingCheck(3, 2, 1, 14, 16, 0);

        VerdictDecision decision = VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.DELETED),
                membership(false), suppressed, ABSENT, NO_REPLAY);
        VerificationOutcome outcome = new VerificationOutcome(decision, FEASIBLE, backdoor(SprtDecision.DELETED),
                Optional.of(membership(false)), suppressed, ABSENT, NO_REPLAY);

        assertEquals(Verdict.INCONCLUSIVE, decision.verdict());
        assertTrue(decision.reason().startsWith("evasion: "), decision.reason());
        assertTrue(outcome.evasion());
        assertEquals(Verdict.INCONCLUSIVE, VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.CONTINUE),
                membership(false), suppressed, ABSENT, NO_REPLAY).verdict());
        assertEquals(Verdict.NOT_DELETED, VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.KEPT),
                membership(false), suppressed, ABSENT, NO_REPLAY).verdict(),
                "a backdoor found is found whatever the sentinels say");
    }

    @Test
    void certifiesOnlyWhenEverySentinelShowedItsBackdoorOrNoneWasAtHand() {
        ServingCheck oneUndecided = new ServingCheck(3, 2, 0, 40, 16, 0);

        VerdictDecision undecided = VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.DELETED),
                membership(false), oneUndecided, ABSENT, NO_REPLAY);
        VerdictDecision unchecked = VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.DELETED),
                membership(false), ServingCheck.none(), ABSENT, NO_REPLAY);

        assertEquals(Verdict.INCONCLUSIVE, undecided.verdict());
        assertTrue(undecided.reason().contains("2 of 3 sentinel subjects showed their backdoors, 1 undecided"),
                undecided.reason());
        assertEquals(Verdict.CERTIFIED, unchecked.verdict());
        assertTrue(unchecked.reason().contains("no sentinel subject was tested"), unchecked.reason());
        assertThrows(IllegalArgumentException.class, () -> new ServingCheck(2, 2, 1, 5, 16, 0));
        assertThrows(IllegalArgumentException.class, () -> new ServingCheck(3, 3, 0, 5, 16, 17));
        assertThrows(IllegalArgumentException.class, () -> new SentinelPanel(-1, List.of()));
    }

    @Test
    void anImageAnsweredTwoWaysMakesTheVerdictInconclusiveAsEvasionEvenWithoutSentinels() {
        ServingCheck changedAnswers = new ServingCheck(0, 0, 0, 0, 16, 5);

        VerdictDecision decision = VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.DELETED),
                membership(false), changedAnswers, ABSENT, NO_REPLAY);

        assertEquals(Verdict.INCONCLUSIVE, decision.verdict());
        assertTrue(decision.reason().startsWith("evasion: the served model answered 5 of 16 images differently"),
                decision.reason());
    }

    @Test
    void aSampleProvenInTheServedVersionsOwnRootIsDataKeptBeforeAnyTest() {
        DataCheck present = new DataCheck(300, 299, 1);

        VerdictDecision decision = VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.DELETED),
                membership(false), SHOWN, present, NO_REPLAY);

        assertEquals(Verdict.NOT_DELETED, decision.verdict());
        assertTrue(decision.reason().contains("holds 1 of the subject's 300 samples"), decision.reason());
        assertEquals(new EvidenceLayers(Layer.FAILED, Layer.NOT_CHECKED, Layer.PASSED, Layer.PASSED),
                new VerificationOutcome(decision, FEASIBLE, backdoor(SprtDecision.DELETED), Optional.of(membership(false)),
                        SHOWN, present, NO_REPLAY).layers());
    }

    @Test
    void samplesNotAllProvenAbsentCertifyNothingAndAnUncheckedRootIsSaidSo() {
        VerdictDecision unproven = VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.DELETED),
                membership(false), SHOWN, new DataCheck(300, 298, 0), NO_REPLAY);
        VerdictDecision unchecked = VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.DELETED),
                membership(false), SHOWN, DataCheck.notChecked(), NO_REPLAY);

        assertEquals(Verdict.INCONCLUSIVE, unproven.verdict());
        assertTrue(unproven.reason().contains("only 298 of the subject's 300 samples were proven absent"), unproven.reason());
        assertEquals(Verdict.CERTIFIED, unchecked.verdict());
        assertTrue(unchecked.reason().endsWith("the training-set root was not checked"), unchecked.reason());
        assertThrows(IllegalArgumentException.class, () -> new DataCheck(300, 200, 101));
    }

    @Test
    void theLayersSayWhatEachShowedAndThatReplayDidNotRun() {
        VerificationOutcome certified = outcome(FEASIBLE, backdoor(SprtDecision.DELETED), membership(false));
        VerificationOutcome kept = outcome(FEASIBLE, backdoor(SprtDecision.KEPT), membership(false));
        ServingCheck suppressed = new ServingCheck(3, 2, 1, 14, 16, 0);
        VerificationOutcome evaded = new VerificationOutcome(VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.DELETED),
                membership(false), suppressed, ABSENT, NO_REPLAY), FEASIBLE, backdoor(SprtDecision.DELETED),
                Optional.of(membership(false)), suppressed, ABSENT, NO_REPLAY);

        assertEquals(new EvidenceLayers(Layer.PASSED, Layer.NOT_CHECKED, Layer.PASSED, Layer.PASSED), certified.layers());
        assertEquals(Layer.FAILED, kept.layers().statistics());
        assertEquals(new EvidenceLayers(Layer.PASSED, Layer.NOT_CHECKED, Layer.FAILED, Layer.PASSED), evaded.layers());
        assertEquals(Layer.UNDECIDED, outcome(FEASIBLE, backdoor(SprtDecision.CONTINUE), membership(false)).layers()
                .statistics());
    }

    private static VerificationOutcome withReplay(ReplayCheck replay) {
        return new VerificationOutcome(VerdictDecision.of(FEASIBLE, backdoor(SprtDecision.DELETED), membership(false),
                SHOWN, ABSENT, replay), FEASIBLE, backdoor(SprtDecision.DELETED), Optional.of(membership(false)), SHOWN,
                ABSENT, replay);
    }

    @Test
    void aReplayThatGivesOtherWeightsIsDataKeptWhereTheBlackBoxWouldCertify() {
        VerificationOutcome lied = withReplay(new ReplayCheck(Layer.FAILED, "shard 3 slice 2 replays to other weights",
                16, 16));

        assertEquals(Verdict.NOT_DELETED, lied.decision().verdict());
        assertTrue(lied.decision().reason().startsWith("replay: the recorded version was not trained on what its "
                + "transcript claims"), lied.decision().reason());
        assertEquals(Layer.FAILED, lied.layers().computation());
        assertEquals(Verdict.CERTIFIED, lied.blackBox().decision().verdict(), "the marks-only provider's black-box pass");
        assertEquals(Layer.NOT_CHECKED, lied.blackBox().layers().computation());
    }

    @Test
    void aServedModelThatAnswersOtherwiseThanTheReplayIsAnEvasion() {
        VerificationOutcome stale = withReplay(new ReplayCheck(Layer.PASSED, "replayed", 16, 11));
        VerificationOutcome faithful = withReplay(new ReplayCheck(Layer.PASSED, "replayed", 16, 0));
        VerificationOutcome refused = withReplay(new ReplayCheck(Layer.UNDECIDED, "slice 2's samples digest to 0x12", 0,
                0));

        assertEquals(Verdict.INCONCLUSIVE, stale.decision().verdict());
        assertTrue(stale.decision().reason().startsWith("evasion: the served model answered 11 of 16 images otherwise "
                + "than the replayed recorded version"), stale.decision().reason());
        assertTrue(stale.evasion());
        assertEquals(new EvidenceLayers(Layer.PASSED, Layer.PASSED, Layer.FAILED, Layer.PASSED), stale.layers());
        assertEquals(Verdict.CERTIFIED, faithful.decision().verdict());
        assertEquals(new EvidenceLayers(Layer.PASSED, Layer.PASSED, Layer.PASSED, Layer.PASSED), faithful.layers());
        assertEquals(Verdict.INCONCLUSIVE, refused.decision().verdict());
        assertTrue(refused.decision().reason().startsWith("replay could not run: slice 2"), refused.decision().reason());
        assertThrows(IllegalArgumentException.class, () -> new ReplayCheck(Layer.PASSED, "x", 3, 4));
    }
}
