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
import org.lethe.verifier.oracle.CountingOracle;
import org.lethe.verifier.reference.ReferenceData;
import org.lethe.verifier.reference.ShadowModels;
import org.lethe.verifier.reference.ShadowSettings;
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
 * through class probabilities.
 */
class VerificationEngineTest {

    private static final int SUBJECTS = 5;
    private static final int SAMPLES_EACH = 300;
    private static final int UNMARKED = 4;
    private static final Set<Integer> DELETED = Set.of(0, 1, UNMARKED);
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

    @Test
    void certifiesDeletedSubjectsFindsKeptOnesAndSaysWhenATriggerDidNotTake() {
        MembershipScores nonMembersWithData = engine.nonMemberScores(withData::probabilities);
        CountingOracle served = new CountingOracle(afterDeletion::probabilities);
        NullModel nullModel = engine.measureNull(served, triggers);
        MembershipScores nonMembersServed = engine.nonMemberScores(served);

        for (int subject = 0; subject < SUBJECTS; subject++) {
            SubjectCalibration calibration = engine.calibrate(withData::probabilities, triggers.get(subject), triggers,
                    cleanSamples.get(subject), nonMembersWithData);
            VerificationOutcome outcome = engine.verify(served, nullModel, nonMembersServed, calibration.backdoor(),
                    triggers.get(subject), triggers, cleanSamples.get(subject));
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
        }
        assertTrue(served.queries() > 0);
    }
}
