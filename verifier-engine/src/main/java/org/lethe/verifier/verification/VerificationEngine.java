package org.lethe.verifier.verification;

import org.lethe.ml.data.Sample;
import org.lethe.verifier.backdoor.BackdoorCalibration;
import org.lethe.verifier.backdoor.BackdoorTestPlan;
import org.lethe.verifier.backdoor.BackdoorTestResult;
import org.lethe.verifier.backdoor.NullCalibration;
import org.lethe.verifier.backdoor.NullModel;
import org.lethe.verifier.backdoor.PairedScoreTest;
import org.lethe.verifier.backdoor.PairedScorer;
import org.lethe.verifier.backdoor.ProbeSupply;
import org.lethe.verifier.membership.MembershipScorer;
import org.lethe.verifier.membership.MembershipScores;
import org.lethe.verifier.membership.MembershipTest;
import org.lethe.verifier.oracle.ModelOracle;
import org.lethe.verifier.reference.ReferenceData;
import org.lethe.verifier.reference.ShadowModels;
import org.lethe.verifier.serving.RepeatedQueries;
import org.lethe.verifier.serving.Sentinel;
import org.lethe.verifier.serving.SentinelPanel;
import org.lethe.verifier.serving.ServingCheck;
import org.lethe.verifier.statistics.SprtDecision;
import org.lethe.verifier.trigger.TriggerSpec;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The verifier's measurements, each asked of a model only through its class probabilities:
 * <ol>
 *   <li>per subject, on the version trained with their data: {@link #calibrate};</li>
 *   <li>per served version: {@link #measureNull} and {@link #nonMemberScores}, shared by its verifications;</li>
 *   <li>per deletion: {@link #verify}.</li>
 * </ol>
 */
public final class VerificationEngine {

    /**
     * Images of each verification asked a second time (16 more queries): one changed answer is enough, and a
     * provider that transforms queries at random changes nearly every one.
     */
    private static final int REPEATED_QUERIES = 16;

    private final VerificationSettings settings;
    private final ReferenceData reference;
    private final PairedScorer pairedScorer;
    private final ProbeSupply probes;
    private final MembershipScorer membershipScorer;

    public VerificationEngine(VerificationSettings settings, ReferenceData reference, ShadowModels shadows,
                              ProbeSupply probes) {
        this.settings = settings;
        this.reference = reference;
        this.pairedScorer = new PairedScorer(shadows.oracles());
        this.probes = probes;
        this.membershipScorer = new MembershipScorer(shadows.oracles(), reference.nonMembers());
    }

    /**
     * @param including       the version trained with the subject's marked data
     * @param enrolled        every enrolled trigger, the subject's included
     * @param cleanSamples    the subject's contributed samples that carry no mark
     * @param nonMembersThere {@link #nonMemberScores} on that version
     */
    public SubjectCalibration calibrate(ModelOracle including, TriggerSpec trigger, Collection<TriggerSpec> enrolled,
                                        List<Sample> cleanSamples, MembershipScores nonMembersThere) {
        BackdoorCalibration backdoor = BackdoorCalibration.of(pairedScorer.score(including, trigger,
                probes.pairs(trigger, enrolled, settings.calibrationProbes())), settings.confidence());
        return new SubjectCalibration(backdoor, MembershipTest.compare(membershipScorer.score(including, cleanSamples),
                nonMembersThere, settings.alpha()));
    }

    /** How paired scores of never-learnt triggers fall on this version. */
    public NullModel measureNull(ModelOracle served, Collection<TriggerSpec> enrolled) {
        return new NullCalibration(pairedScorer, probes).measure(served, enrolled, settings.nullTriggers(),
                settings.nullProbesPerTrigger());
    }

    /** The verifier's known non-members, scored on this version. */
    public MembershipScores nonMemberScores(ModelOracle model) {
        return membershipScorer.score(model, reference.nonMembers());
    }

    /**
     * Decides whether the subject's data is gone from the served version. Unless the data is found, the serving
     * layer is checked on the same version: the sentinels are tested, and some of the verification's images are
     * asked again. A served model that hides triggers it learnt, or answers one image two ways, certifies nobody.
     *
     * @param nullModel      {@link #measureNull} on the served version
     * @param nonMembersHere {@link #nonMemberScores} on the served version
     * @param evidence       the data layer's check, a replay if one was run, and the sentinels
     */
    public VerificationOutcome verify(ModelOracle served, NullModel nullModel, MembershipScores nonMembersHere,
                                      BackdoorCalibration calibration, TriggerSpec trigger,
                                      Collection<TriggerSpec> enrolled, List<Sample> cleanSamples, Evidence evidence) {
        RepeatedQueries asked = new RepeatedQueries(served, REPEATED_QUERIES);
        BackdoorTestPlan plan = plan(nullModel, calibration);
        Optional<BackdoorTestResult> backdoor = backdoorTest(asked, plan, trigger, enrolled);
        var membership = MembershipTest.compare(membershipScorer.score(served, cleanSamples), nonMembersHere,
                settings.alpha());
        DataCheck data = evidence.data();
        ReplayEvidence replayed = evidence.replay();
        ReplayCheck replay = new ReplayCheck(replayed.computation(), replayed.detail(),
                replayed.replayedModel().isPresent() ? asked.size() : 0,
                replayed.replayedModel().map(asked::disagreements).orElse(0));
        // the serving layer is checked unless black-box evidence found the data, so that the same measurements
        // also give the verdict of a verifier without the replay (VerificationOutcome.blackBox)
        boolean dataFound = data.layer() == Layer.FAILED
                || backdoor.filter(result -> result.decision() == SprtDecision.KEPT).isPresent()
                || membership.membershipShown();
        ServingCheck serving = dataFound ? ServingCheck.none()
                : checkServing(asked, nullModel, evidence.sentinels(), enrolled);
        return new VerificationOutcome(VerdictDecision.of(plan, backdoor, membership, serving, data, replay), plan,
                backdoor, Optional.of(membership), serving, data, replay);
    }

    /**
     * Each calibrated sentinel's paired test on the served version, planned on that version's null like the
     * subject's; then the first images asked, asked again.
     */
    private ServingCheck checkServing(RepeatedQueries served, NullModel nullModel, SentinelPanel sentinels,
                                      Collection<TriggerSpec> enrolled) {
        int shown = 0;
        int suppressed = 0;
        int probesAsked = 0;
        for (Sentinel sentinel : sentinels.calibrated()) {
            Optional<BackdoorTestResult> result = backdoorTest(served, plan(nullModel, sentinel.calibration()),
                    sentinel.trigger(), enrolled);
            if (result.isPresent()) {
                shown += result.get().decision() == SprtDecision.KEPT ? 1 : 0;
                suppressed += result.get().decision() == SprtDecision.DELETED ? 1 : 0;
                probesAsked += result.get().probes();
            }
        }
        int changed = served.askAgain();
        return new ServingCheck(sentinels.held(), shown, suppressed, probesAsked, served.size(), changed);
    }

    /**
     * The backdoor test alone, for a verification started without the subject's samples: it can find the
     * data still there (NOT_DELETED), never certify.
     */
    public VerificationOutcome verifyBackdoor(ModelOracle served, NullModel nullModel, BackdoorCalibration calibration,
                                              TriggerSpec trigger, Collection<TriggerSpec> enrolled) {
        BackdoorTestPlan plan = plan(nullModel, calibration);
        Optional<BackdoorTestResult> backdoor = backdoorTest(served, plan, trigger, enrolled);
        return new VerificationOutcome(VerdictDecision.ofBackdoorAlone(plan, backdoor), plan, backdoor, Optional.empty(),
                ServingCheck.none(), DataCheck.notChecked(), ReplayCheck.notRun());
    }

    private BackdoorTestPlan plan(NullModel nullModel, BackdoorCalibration calibration) {
        return BackdoorTestPlan.of(nullModel, calibration, settings.alpha(), settings.beta(), settings.maxProbes());
    }

    private Optional<BackdoorTestResult> backdoorTest(ModelOracle served, BackdoorTestPlan plan, TriggerSpec trigger,
                                                      Collection<TriggerSpec> enrolled) {
        return plan.feasible()
                ? Optional.of(new PairedScoreTest(pairedScorer, probes).run(plan, served, trigger, enrolled))
                : Optional.empty();
    }
}
