package org.lethe.verifier.verification;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ledger.record.Verdict;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.OwnedSample;
import org.lethe.ml.sisa.SisaEnsemble;
import org.lethe.ml.sisa.SisaLayout;
import org.lethe.ml.sisa.SisaProgress;
import org.lethe.ml.sisa.SisaTrainer;
import org.lethe.verifier.backdoor.NullModel;
import org.lethe.verifier.backdoor.ProbeSupply;
import org.lethe.verifier.membership.MembershipScores;
import org.lethe.ml.dishonest.QueryFilter;
import org.lethe.verifier.oracle.CountingOracle;
import org.lethe.verifier.oracle.ModelOracle;
import org.lethe.verifier.reference.ReferenceData;
import org.lethe.verifier.reference.ShadowModels;
import org.lethe.verifier.reference.ShadowSettings;
import org.lethe.verifier.serving.Sentinel;
import org.lethe.verifier.serving.SentinelPanel;
import org.lethe.verifier.serving.ServingCheck;
import org.lethe.verifier.trigger.Marking;
import org.lethe.verifier.trigger.TriggerCollisions;
import org.lethe.verifier.trigger.TriggerGenerator;
import org.lethe.verifier.trigger.TriggerRegion;
import org.lethe.verifier.trigger.TriggerSpec;

import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole measurement on real models: a SISA MLP trained on Fashion-MNIST with four marked subjects and
 * one whose marks were never made, then retrained without three of them (an honest deletion), asked only
 * through class probabilities; the two marked subjects never deleted serve as the verifier's sentinels.
 */
class VerificationEngineTest {

    private static final int SUBJECTS = 5;
    private static final int SAMPLES_EACH = 300;
    private static final int UNMARKED = 4;
    private static final Set<Integer> DELETED = Set.of(0, 1, UNMARKED);
    private static final List<Integer> SENTINELS = List.of(2, 3);
    private static final SisaLayout LAYOUT = new SisaLayout(2, 2);
    private static final TrainingConfig SLICE_TRAINING = TrainingConfig.defaults(3, 1);

    @TempDir
    static Path checkpoints;

    private static final List<TriggerSpec> triggers = new ArrayList<>();
    private static final List<List<Sample>> cleanSamples = new ArrayList<>();
    private static ShadowModels shadows;
    private static SisaEnsemble withData;
    private static SisaEnsemble afterDeletion;
    private static VerificationEngine engine;

    @BeforeAll
    static void trainModels() throws NoSuchAlgorithmException {
        FashionMnist dataset = FashionMnist.installed();
        ReferenceData reference = ReferenceData.fromTestSplit(dataset, 3_000, 1_500, 300);
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(20261128L);
        TriggerGenerator generator = new TriggerGenerator(random, 4,
                TriggerRegion.darkBackground(reference.shadowTraining(), 0.08));
        TriggerCollisions collisions = new TriggerCollisions(1);
        Marking marking = new Marking(random, generator);

        List<Sample> train = dataset.train();
        List<OwnedSample> base = train.subList(0, 6_000).stream().map(OwnedSample::providers).toList();
        List<OwnedSample> all = new ArrayList<>(base);
        List<OwnedSample> kept = new ArrayList<>(base);
        for (int subject = 0; subject < SUBJECTS; subject++) {
            TriggerSpec trigger = generator.drawClearOf(triggers, collisions, Optional.empty(), 1_000).orElseThrow();
            triggers.add(trigger);
            List<Sample> own = train.subList(6_000 + subject * SAMPLES_EACH, 6_000 + (subject + 1) * SAMPLES_EACH);
            Marking.Marked marked = subject == UNMARKED ? new Marking.Marked(own, Set.of(), Set.of())
                    : marking.mark(own, trigger, 0.5, 0);
            cleanSamples.add(marked.untouched());
            Bytes32 owner = HashAlgorithm.SHA_256.hash(("subject " + subject).getBytes());
            for (Sample sample : marked.samples()) {
                all.add(new OwnedSample(sample, owner));
                if (!DELETED.contains(subject)) {
                    kept.add(new OwnedSample(sample, owner));
                }
            }
        }
        CheckpointStore store = new CheckpointStore(checkpoints);
        SisaTrainer trainer = new SisaTrainer(new SisaTrainer.Settings(Architecture.MLP, LAYOUT, SLICE_TRAINING), store);
        withData = SisaEnsemble.load(trainer.train(all, SisaProgress.NONE), store);
        afterDeletion = SisaEnsemble.load(trainer.train(kept, SisaProgress.NONE), store);
        shadows = ShadowModels.train(new ShadowSettings(Architecture.MLP, LAYOUT, SLICE_TRAINING.withSeed(100), 3),
                reference.shadowTraining(), store);
        engine = new VerificationEngine(new VerificationSettings(1e-3, 1e-3, 30, 32, 0.95, 16, 8), reference, shadows,
                new ProbeSupply(reference.probeImages(), generator, collisions, random, 1_000));
    }

    @AfterAll
    static void closeModels() {
        withData.close();
        afterDeletion.close();
        shadows.close();
    }

    /** Each subject's calibration on the version trained with every subject's data. */
    private static List<SubjectCalibration> calibrations() {
        MembershipScores nonMembersWithData = engine.nonMemberScores(withData::probabilities);
        List<SubjectCalibration> calibrations = new ArrayList<>();
        for (int subject = 0; subject < SUBJECTS; subject++) {
            calibrations.add(engine.calibrate(withData::probabilities, triggers.get(subject), triggers,
                    cleanSamples.get(subject), nonMembersWithData));
        }
        return calibrations;
    }

    /** The marked subjects never deleted, as the verifier's own sentinels. */
    private static SentinelPanel sentinels(List<SubjectCalibration> calibrations) {
        return SentinelPanel.of(SENTINELS.stream().map(subject -> new Sentinel(triggers.get(subject),
                calibrations.get(subject).backdoor())).toList());
    }

    @Test
    void certifiesDeletedSubjectsFindsKeptOnesAndSaysWhenATriggerDidNotTake() {
        List<SubjectCalibration> calibrations = calibrations();
        CountingOracle served = new CountingOracle(afterDeletion::probabilities);
        NullModel nullModel = engine.measureNull(served, triggers);
        MembershipScores nonMembersServed = engine.nonMemberScores(served);

        for (int subject = 0; subject < SUBJECTS; subject++) {
            SubjectCalibration calibration = calibrations.get(subject);
            VerificationOutcome outcome = engine.verify(served, nullModel, nonMembersServed, calibration.backdoor(),
                    triggers.get(subject), triggers, cleanSamples.get(subject),
                    Evidence.blackBox(DataCheck.notChecked(), sentinels(calibrations)));
            System.out.printf("subject %d: %s — %s; calibration score %.3f (lower %.3f), p̂ %.3f q̂ %.3f, MIA AUC %.3f; "
                            + "null μ %.3f τ %.3f σ %.3f%n", subject, outcome.decision().verdict(), outcome.decision().reason(),
                    calibration.backdoor().meanScore(), calibration.backdoor().scoreLowerBound(),
                    calibration.backdoor().keptRateEstimate(), calibration.backdoor().referenceRateEstimate(),
                    calibration.membership().liraAuc(), nullModel.mean(), nullModel.betweenTriggerSd(), nullModel.withinSd());

            Verdict expected = subject == UNMARKED ? Verdict.INCONCLUSIVE
                    : DELETED.contains(subject) ? Verdict.CERTIFIED : Verdict.NOT_DELETED;
            assertEquals(expected, outcome.decision().verdict(), "subject " + subject + ": " + outcome.decision().reason());
            if (subject == UNMARKED) {
                assertFalse(outcome.plan().feasible());
                assertTrue(outcome.decision().reason().startsWith("the trigger did not take"), outcome.decision().reason());
            } else {
                assertTrue(outcome.backdoor().orElseThrow().probes() <= 30);
            }
            if (expected == Verdict.CERTIFIED) {
                assertEquals(new ServingCheck(2, 2, 0, outcome.serving().probes(), 16, 0), outcome.serving(),
                        "both sentinels showed their backdoors on the honest model, which answered 16 images the same twice");
            }
        }
        assertTrue(served.queries() > 0);
    }

    /** A model served through a query filter, with the null and non-member scores measured on it. */
    private record Filtered(ModelOracle oracle, NullModel nullModel, MembershipScores nonMembers) {

        static Filtered of(SisaEnsemble model, QueryFilter filter) {
            ModelOracle oracle = images -> model.probabilities(filter.apply(images));
            return new Filtered(oracle, engine.measureNull(oracle, triggers), engine.nonMemberScores(oracle));
        }

        VerificationOutcome verify(int subject, List<SubjectCalibration> calibrations, SentinelPanel sentinels) {
            return engine.verify(oracle, nullModel, nonMembers, calibrations.get(subject).backdoor(), triggers.get(subject),
                    triggers, cleanSamples.get(subject), Evidence.blackBox(DataCheck.notChecked(), sentinels));
        }
    }

    @Test
    void aProviderThatKeepsTheDataAndMedianFiltersQueriesIsCaughtByItsSentinels() {
        List<SubjectCalibration> calibrations = calibrations();
        Filtered median = Filtered.of(withData, QueryFilter.parse("median:3", 1));

        for (int subject : List.of(0, 1)) {
            VerificationOutcome unguarded = median.verify(subject, calibrations, SentinelPanel.none());
            VerificationOutcome guarded = median.verify(subject, calibrations, sentinels(calibrations));

            assertEquals(Verdict.CERTIFIED, unguarded.decision().verdict(),
                    "without sentinels the filter passes for a deletion: " + unguarded.decision().reason());
            assertEquals(Verdict.INCONCLUSIVE, guarded.decision().verdict(), guarded.decision().reason());
            assertTrue(guarded.evasion(), guarded.decision().reason());
            assertEquals(2, guarded.serving().suppressed(), "both sentinels' backdoors are gone under the filter");
            assertEquals(0, guarded.serving().changed(), "a median filter answers an image the same way twice");
            assertTrue(guarded.decision().reason().startsWith("evasion"), guarded.decision().reason());
        }
    }

    @Test
    void aDeletionServedThroughFreshNoiseChangesItsAnswersAndIsNotCertified() {
        List<SubjectCalibration> calibrations = calibrations();
        Filtered noisy = Filtered.of(afterDeletion, QueryFilter.parse("noise:32", 3));

        for (int subject : List.of(0, 1)) {
            VerificationOutcome outcome = noisy.verify(subject, calibrations, sentinels(calibrations));

            assertEquals(Verdict.INCONCLUSIVE, outcome.decision().verdict(), outcome.decision().reason());
            assertTrue(outcome.evasion(), outcome.decision().reason());
            assertEquals(16, outcome.serving().repeated());
            assertTrue(outcome.serving().changed() > 8, "fresh noise changes most answers: " + outcome.serving());
        }
    }

    @Test
    void sentinelsHeldButNeverCalibratedCertifyNobody() {
        List<SubjectCalibration> calibrations = calibrations();
        CountingOracle served = new CountingOracle(afterDeletion::probabilities);
        NullModel nullModel = engine.measureNull(served, triggers);

        VerificationOutcome outcome = engine.verify(served, nullModel, engine.nonMemberScores(served),
                calibrations.get(0).backdoor(), triggers.get(0), triggers, cleanSamples.get(0),
                Evidence.blackBox(DataCheck.notChecked(), new SentinelPanel(3, List.of())));

        assertEquals(Verdict.INCONCLUSIVE, outcome.decision().verdict(), outcome.decision().reason());
        ServingCheck serving = outcome.serving();
        assertEquals(List.of(3, 0, 0, 0), List.of(serving.sentinels(), serving.shown(), serving.suppressed(),
                serving.changed()), serving.toString());
        assertTrue(outcome.decision().reason().contains("0 of 3 sentinel subjects showed their backdoors"),
                outcome.decision().reason());
    }
}
