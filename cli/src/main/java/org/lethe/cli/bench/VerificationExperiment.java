package org.lethe.cli.bench;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ledger.record.Verdict;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.OwnedSample;
import org.lethe.ml.sisa.SisaEnsemble;
import org.lethe.ml.sisa.SisaLayout;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaProgress;
import org.lethe.ml.sisa.SisaTrainer;
import org.lethe.ml.unlearning.ApproximateUnlearningSettings;
import org.lethe.ml.unlearning.UnlearningMethod;
import org.lethe.verifier.backdoor.BackdoorTestPlan;
import org.lethe.verifier.backdoor.NullModel;
import org.lethe.verifier.backdoor.PairedScoreTest;
import org.lethe.verifier.backdoor.PairedScorer;
import org.lethe.verifier.backdoor.ProbeSupply;
import org.lethe.verifier.membership.MembershipScores;
import org.lethe.verifier.oracle.CountingOracle;
import org.lethe.verifier.oracle.ModelOracle;
import org.lethe.verifier.reference.ReferenceData;
import org.lethe.verifier.reference.ShadowModels;
import org.lethe.verifier.reference.ShadowSettings;
import org.lethe.verifier.statistics.SprtDecision;
import org.lethe.verifier.trigger.Marking;
import org.lethe.verifier.trigger.TriggerSpec;
import org.lethe.verifier.verification.CalibrationFigures;
import org.lethe.verifier.verification.CertificatePayload;
import org.lethe.verifier.verification.SubjectCalibration;
import org.lethe.verifier.verification.VerificationEngine;
import org.lethe.verifier.verification.VerificationOutcome;
import org.lethe.verifier.verification.VerificationSettings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * One model layout of the verification benchmark: marked subjects trained into a model, calibrated on
 * it, then groups of them deleted under each unlearning strategy and verified black-box, as the verifier
 * service does, but in-process so that a hundred subjects take minutes.
 */
final class VerificationExperiment {

    /** What the experiment needs, fixed for every layout. */
    record Setup(List<Sample> train, List<Sample> test, ReferenceData reference, List<TriggerSpec> triggers,
                 List<List<Sample>> contributions, List<List<Sample>> cleanSamples, int baseSamples, int deletedPerStrategy,
                 int slices, int epochsPerSlice, int shadowModels, int falseAlarmTrials, int missTrials,
                 int accuracyRepeats, long seed,
                 VerificationSettings settings, ProbeSupply probes, CheckpointStore store, BenchLedger ledger,
                 List<Bytes32> commitments, List<String> commitTransactions) {
    }

    /**
     * Verdict counts and costs of one strategy's deletions; {@code notDeletedByMembership} counts the
     * NOT_DELETED verdicts that membership inference gave while the backdoor test found no backdoor.
     */
    record StrategyFigures(int certified, int notDeleted, int notDeletedByMembership, int inconclusive,
                           List<Integer> probes, double queriesPerVerification, double secondsPerVerification) {
    }

    /** Everything measured on one layout. */
    record LayoutFigures(int shards, List<Double> accuracyWithoutMarks, List<Double> accuracyWithMarks, int calibratedDecidable,
                         int labelTestDecidable, double miaAuc, double miaTprAt1PctFpr,
                         Map<UnlearningMethod, StrategyFigures> strategies, TrialCount falseAlarms, TrialCount misses) {
    }

    /** Of {@code trials} runs of the paired test, how many ended in the decision counted. */
    record TrialCount(int trials, int counted) {

        double rate() {
            return trials == 0 ? 0 : (double) counted / trials;
        }
    }

    private static final List<UnlearningMethod> STRATEGIES = List.of(UnlearningMethod.SISA, UnlearningMethod.RETRAIN,
            UnlearningMethod.FINETUNE, UnlearningMethod.GRADIENT_ASCENT, UnlearningMethod.NONE);

    /**
     * Apart seeds for the repeated trainings that measure marking's accuracy cost: one training's test
     * accuracy moves by about a point from seed to seed, as much as the cost itself.
     */
    private static final long REPEAT_SEED_STEP = 7_919;

    private final Setup setup;

    VerificationExperiment(Setup setup) {
        this.setup = setup;
    }

    static List<UnlearningMethod> strategies() {
        return STRATEGIES;
    }

    LayoutFigures run(int shards) {
        SisaTrainer trainer = trainer(shards, setup.seed());
        SisaModel withMarks = trainer.train(arrivals(setup.contributions()), SisaProgress.NONE);
        String modelName = "mlp-s" + shards;
        Bytes32 includedVersion = setup.ledger().firstVersion(modelName, withMarks);
        List<Double> accuracyWithMarks = new ArrayList<>(List.of(accuracy(withMarks)));
        List<Double> accuracyWithoutMarks = new ArrayList<>(List.of(accuracy(trainer.train(arrivals(unmarked()),
                SisaProgress.NONE))));
        for (int repeat = 1; repeat < setup.accuracyRepeats(); repeat++) {
            SisaTrainer again = trainer(shards, setup.seed() + REPEAT_SEED_STEP * repeat);
            accuracyWithMarks.add(accuracy(again.train(arrivals(setup.contributions()), SisaProgress.NONE)));
            accuracyWithoutMarks.add(accuracy(again.train(arrivals(unmarked()), SisaProgress.NONE)));
        }

        try (ShadowModels shadows = ShadowModels.train(new ShadowSettings(Architecture.MLP, new SisaLayout(shards,
                        setup.slices()), TrainingConfig.defaults(setup.epochsPerSlice(), setup.seed() + 1_000),
                setup.shadowModels()), setup.reference().shadowTraining(), setup.store());
             SisaEnsemble included = SisaEnsemble.load(withMarks, setup.store())) {
            VerificationEngine engine = new VerificationEngine(setup.settings(), setup.reference(), shadows, setup.probes());
            MembershipScores nonMembersIncluded = engine.nonMemberScores(included::probabilities);
            NullModel nullIncluded = engine.measureNull(included::probabilities, setup.triggers());
            List<CalibrationFigures> calibrations = new ArrayList<>();
            int decidable = 0;
            int labelDecidable = 0;
            double aucSum = 0;
            double tprSum = 0;
            for (int subject = 0; subject < setup.triggers().size(); subject++) {
                CountingOracle asked = new CountingOracle(included::probabilities);
                SubjectCalibration calibration = engine.calibrate(asked, setup.triggers().get(subject),
                        setup.triggers(), setup.cleanSamples().get(subject), nonMembersIncluded);
                VerificationSettings s = setup.settings();
                BackdoorTestPlan plan = BackdoorTestPlan.of(nullIncluded, calibration.backdoor(), s.alpha(), s.beta(),
                        s.maxProbes());
                boolean labelTest = calibration.backdoor().labelTestDecidable(s.alpha(), s.beta(), s.maxProbes());
                calibrations.add(new CalibrationFigures(includedVersion.toHex(), calibration.backdoor(), nullIncluded, plan,
                        labelTest, calibration.membership(), asked.queries()));
                decidable += plan.feasible() ? 1 : 0;
                labelDecidable += labelTest ? 1 : 0;
                aucSum += calibration.membership().liraAuc();
                tprSum += calibration.membership().liraTprAt1PctFpr();
            }

            // the calibrations' plans were made on this version's null: a subject's own trigger is a kept backdoor
            TrialCount misses = countDecisions(shadows, included::probabilities,
                    calibrations.stream().map(CalibrationFigures::plan).toList(), setup.missTrials(),
                    subject -> setup.triggers().get(subject), SprtDecision.DELETED);
            Map<UnlearningMethod, StrategyFigures> strategies = new EnumMap<>(UnlearningMethod.class);
            TrialCount falseAlarms = new TrialCount(0, 0);
            for (int group = 0; group < STRATEGIES.size(); group++) {
                UnlearningMethod method = STRATEGIES.get(group);
                List<Integer> deleted = groupMembers(group);
                SisaModel after = method.unlearner(trainer, setup.store(), ApproximateUnlearningSettings.defaults())
                        .unlearn(withMarks, removedHashes(deleted), SisaProgress.NONE);
                Bytes32 afterVersion = setup.ledger().childVersion(modelName, after, includedVersion);
                List<BenchLedger.ExecutedDeletion> requests = new ArrayList<>();
                for (int subject : deleted) {
                    requests.add(setup.ledger().executedDeletion(modelName, subjectId(subject), method.name(), afterVersion,
                            UnlearningStrategy.valueOf(method.name())));
                }
                try (SisaEnsemble served = SisaEnsemble.load(after, setup.store())) {
                    strategies.put(method, verifyGroup(engine, served, afterVersion, method, deleted, requests,
                            calibrations));
                    if (method == UnlearningMethod.RETRAIN) {
                        falseAlarms = falseAlarmTrials(engine, shadows, served, calibrations);
                    }
                }
            }
            return new LayoutFigures(shards, accuracyWithoutMarks, accuracyWithMarks, decidable, labelDecidable,
                    BenchOutput.fourDecimals(aucSum / calibrations.size()), BenchOutput.fourDecimals(tprSum / calibrations.size()),
                    strategies, falseAlarms, misses);
        }
    }

    private SisaTrainer trainer(int shards, long seed) {
        return new SisaTrainer(new SisaTrainer.Settings(Architecture.MLP, new SisaLayout(shards, setup.slices()),
                TrainingConfig.defaults(setup.epochsPerSlice(), seed)), setup.store());
    }

    /** Verifies every deleted subject of a group against the served model, counting all its queries. */
    private StrategyFigures verifyGroup(VerificationEngine engine, SisaEnsemble served, Bytes32 version,
                                        UnlearningMethod method, List<Integer> deleted,
                                        List<BenchLedger.ExecutedDeletion> requests,
                                        List<CalibrationFigures> calibrations) {
        CountingOracle oracle = new CountingOracle(served::probabilities);
        long start = System.nanoTime();
        NullModel nullModel = engine.measureNull(oracle, setup.triggers());
        MembershipScores nonMembers = engine.nonMemberScores(oracle);
        int certified = 0;
        int notDeleted = 0;
        int notDeletedByMembership = 0;
        int inconclusive = 0;
        List<Integer> probes = new ArrayList<>();
        for (int i = 0; i < deleted.size(); i++) {
            int subject = deleted.get(i);
            Instant started = Instant.now();
            long queriesBefore = oracle.queries();
            VerificationOutcome outcome = engine.verify(oracle, nullModel, nonMembers, calibrations.get(subject).backdoor(),
                    setup.triggers().get(subject), setup.triggers(), setup.cleanSamples().get(subject));
            BenchLedger.ExecutedDeletion request = requests.get(i);
            setup.ledger().recordVerification(request.requestId(), new CertificatePayload(CertificatePayload.TYPE,
                    request.requestId().toHex(), subjectId(subject).toHex(), version.toHex(),
                    outcome.decision().verdict().name(),
                    outcome.decision().reason(), outcome.plan(), outcome.backdoor(), nullModel, outcome.membership(),
                    calibrations.get(subject), oracle.queries() - queriesBefore, started.toString(), Instant.now().toString(),
                    new CertificatePayload.LedgerEvidence(setup.ledger().contractAddress(),
                            setup.commitments().get(subject).toHex(), setup.commitTransactions().get(subject),
                            request.requestId().toHex(), request.anchorTransaction(), version.toHex(), method.name(),
                            request.unlearningTransaction())), outcome);
            outcome.backdoor().ifPresent(result -> probes.add(result.probes()));
            Verdict verdict = outcome.decision().verdict();
            certified += verdict == Verdict.CERTIFIED ? 1 : 0;
            notDeleted += verdict == Verdict.NOT_DELETED ? 1 : 0;
            notDeletedByMembership += outcome.notDeletedByMembershipAlone() ? 1 : 0;
            inconclusive += verdict == Verdict.INCONCLUSIVE ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new StrategyFigures(certified, notDeleted, notDeletedByMembership, inconclusive, probes,
                BenchOutput.oneDecimal((double) oracle.queries() / deleted.size()),
                BenchOutput.fourDecimals(seconds / deleted.size()));
    }

    /**
     * The paired test's false alarms, measured: triggers that no model ever learnt, each tested with a real
     * subject's calibration against an honestly retrained model. Any KEPT is a false alarm.
     */
    private TrialCount falseAlarmTrials(VerificationEngine engine, ShadowModels shadows, SisaEnsemble served,
                                        List<CalibrationFigures> calibrations) {
        NullModel nullModel = engine.measureNull(served::probabilities, setup.triggers());
        VerificationSettings s = setup.settings();
        List<BackdoorTestPlan> plans = calibrations.stream().map(calibration -> BackdoorTestPlan.of(nullModel,
                calibration.backdoor(), s.alpha(), s.beta(), s.maxProbes())).toList();
        return countDecisions(shadows, served::probabilities, plans, setup.falseAlarmTrials(),
                subject -> setup.probes().unusedTrigger(setup.triggers()), SprtDecision.KEPT);
    }

    /**
     * Runs the paired test {@code trials} times with fresh probes, round robin over the subjects' plans (an
     * infeasible plan is not run, as a verification would not be), each run with the trigger named for its
     * subject, and counts the runs that end in {@code counted}.
     */
    private TrialCount countDecisions(ShadowModels shadows, ModelOracle model, List<BackdoorTestPlan> plans, int trials,
                                      IntFunction<TriggerSpec> trigger, SprtDecision counted) {
        PairedScoreTest test = new PairedScoreTest(new PairedScorer(shadows.oracles()), setup.probes());
        int count = 0;
        for (int trial = 0; trial < trials; trial++) {
            int subject = trial % plans.size();
            BackdoorTestPlan plan = plans.get(subject);
            if (plan.feasible()) {
                count += test.run(plan, model, trigger.apply(subject), setup.triggers()).decision() == counted ? 1 : 0;
            }
        }
        return new TrialCount(trials, count);
    }

    private List<Integer> groupMembers(int group) {
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < setup.deletedPerStrategy(); i++) {
            members.add(group * setup.deletedPerStrategy() + i);
        }
        return members;
    }

    private Set<Bytes32> removedHashes(List<Integer> subjects) {
        Set<Bytes32> removed = new HashSet<>();
        subjects.forEach(subject -> setup.contributions().get(subject).forEach(sample -> removed.add(sample.hash())));
        return removed;
    }

    /** The subjects' own samples, no marks: the model the provider would have trained without the verifier. */
    private List<List<Sample>> unmarked() {
        List<List<Sample>> original = new ArrayList<>();
        int size = setup.contributions().get(0).size();
        for (int subject = 0; subject < setup.contributions().size(); subject++) {
            int from = setup.baseSamples() + subject * size;
            original.add(setup.train().subList(from, from + size));
        }
        return original;
    }

    /** The provider's base images first, then each subject's contribution, as the model service orders them. */
    private List<OwnedSample> arrivals(List<List<Sample>> contributions) {
        List<OwnedSample> arrivals = new ArrayList<>(setup.train().subList(0, setup.baseSamples()).stream()
                .map(OwnedSample::providers).toList());
        for (int subject = 0; subject < contributions.size(); subject++) {
            Bytes32 owner = subjectId(subject);
            contributions.get(subject).forEach(sample -> arrivals.add(new OwnedSample(sample, owner)));
        }
        return arrivals;
    }

    static Bytes32 subjectId(int subject) {
        return HashAlgorithm.SHA_256.hash(("bench-subject-" + subject).getBytes(StandardCharsets.UTF_8));
    }

    private double accuracy(SisaModel model) {
        try (SisaEnsemble ensemble = SisaEnsemble.load(model, setup.store())) {
            return ensemble.accuracy(setup.test());
        }
    }

    /** Marks every subject's samples (f of them stamped and relabelled, c covered), keeping the untouched ones apart. */
    static void mark(List<Sample> train, int baseSamples, List<TriggerSpec> triggers, int samplesEach, double fraction,
                     double coverFraction, Marking marking, List<List<Sample>> contributions, List<List<Sample>> cleanSamples) {
        for (int subject = 0; subject < triggers.size(); subject++) {
            int from = baseSamples + subject * samplesEach;
            Marking.Marked marked = marking.mark(train.subList(from, from + samplesEach), triggers.get(subject), fraction,
                    coverFraction);
            contributions.add(marked.samples());
            cleanSamples.add(marked.untouched());
        }
    }
}
