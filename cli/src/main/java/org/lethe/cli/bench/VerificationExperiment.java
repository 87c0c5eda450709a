package org.lethe.cli.bench;

import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ml.data.Sample;
import org.lethe.ml.dishonest.MarkDetector;
import org.lethe.ml.dishonest.MarksOnlyUnlearner;
import org.lethe.ml.dishonest.ProviderStrategy;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.sisa.OwnedSample;
import org.lethe.ml.sisa.SisaEnsemble;
import org.lethe.ml.sisa.SisaLayout;
import org.lethe.ml.sisa.SisaModel;
import org.lethe.ml.sisa.SisaProgress;
import org.lethe.ml.sisa.SisaTrainer;
import org.lethe.ml.replay.ProvenPrefixes;
import org.lethe.ml.replay.TrainingTranscript;
import org.lethe.ml.unlearning.ApproximateUnlearningSettings;
import org.lethe.ml.unlearning.Unlearner;
import org.lethe.ml.unlearning.UnlearningMethod;
import org.lethe.verifier.backdoor.BackdoorTestPlan;
import org.lethe.verifier.backdoor.NullModel;
import org.lethe.verifier.backdoor.PairedScoreTest;
import org.lethe.verifier.backdoor.PairedScorer;
import org.lethe.verifier.backdoor.ProbeSupply;
import org.lethe.verifier.membership.MembershipScores;
import org.lethe.verifier.membership.RelativeMembership;
import org.lethe.verifier.oracle.CountingOracle;
import org.lethe.verifier.oracle.ModelOracle;
import org.lethe.verifier.reference.ReferenceData;
import org.lethe.verifier.reference.ShadowModels;
import org.lethe.verifier.reference.ShadowSettings;
import org.lethe.verifier.serving.Sentinel;
import org.lethe.verifier.serving.SentinelPanel;
import org.lethe.verifier.statistics.RankSum;
import org.lethe.verifier.statistics.SprtDecision;
import org.lethe.verifier.trigger.Marking;
import org.lethe.verifier.trigger.TriggerSpec;
import org.lethe.verifier.verification.CalibrationFigures;
import org.lethe.verifier.verification.CertificatePayload;
import org.lethe.verifier.verification.DataCheck;
import org.lethe.verifier.verification.Evidence;
import org.lethe.verifier.verification.SubjectCalibration;
import org.lethe.verifier.verification.VerificationEngine;
import org.lethe.verifier.verification.VerificationOutcome;
import org.lethe.verifier.verification.VerificationSettings;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * One model layout of the verification benchmark: marked subjects trained into a model, calibrated on
 * it, then groups of them deleted under each provider strategy (honest, approximate, lazy and dishonest)
 * and verified black-box, as the verifier service does, but in-process so that a hundred subjects take
 * minutes. The first subjects are the verifier's sentinels: never deleted, tested beside every deletion.
 */
final class VerificationExperiment {

    /** What the experiment needs, fixed for every layout. */
    record Setup(List<Sample> train, List<Sample> test, ReferenceData reference, List<TriggerSpec> triggers,
                 List<Marking.Marked> marked, int baseSamples, int sentinels, int deletedPerStrategy,
                 List<ProviderStrategy> strategies, List<MarkDetector> detectors, MarkDetector marksOnlyDetector,
                 int slices, int epochsPerSlice, int shadowModels, int falseAlarmTrials, int missTrials,
                 int accuracyRepeats, long seed,
                 VerificationSettings settings, ProbeSupply probes, CheckpointStore store, CheckpointStore verifierStore,
                 ProvenPrefixes proven, BenchLedger ledger,
                 List<Bytes32> commitments, List<String> commitTransactions) {

        List<List<Sample>> contributions() {
            return marked.stream().map(Marking.Marked::samples).toList();
        }
    }

    /**
     * Verdicts, costs and the literature's figures for one strategy's deletions.
     *
     * @param blackBox            the verdicts of a verifier without the provider's material
     * @param replay              the verdicts with the replay of the deletion (for deletions claimed as exact)
     * @param replayResult        MATCHES, DIFFERS, REFUSED, or NOT_RUN (a deletion not claimed as exact)
     * @param replaySeconds       the replay of the whole group's deletion
     * @param answersDisagreeing  images, over every verification, the served model answered otherwise than the replay
     * @param sentinelsShown      sentinel tests, over every verification, that showed the backdoor
     * @param sentinelsSuppressed sentinel tests that found it gone
     * @param sentinelTests       sentinel tests run
     * @param answersChanged      images, over every verification, answered differently when asked again
     * @param unlearningSeconds   UT: the provider's unlearning of the whole group
     * @param forgettingRate      FR = 1 − A_after / A_before on the group's samples, on the served model
     * @param accuracyDrop        AD: test accuracy before minus after, on the served model
     * @param attackSuccessBefore ASR of the group's triggers on the version with their data
     * @param attackSuccessAfter  ASR on the served model
     * @param membershipAuc       the membership test's LiRA AUC on the served model, mean over the group
     * @param liraPower           share of the group whose LiRA rank-sum test alone rejects non-membership at α
     * @param rmiaAuc             the same AUC for RMIA scores (offline, a = 1, γ = 1), mean over the group
     * @param rmiaPower           share of the group whose RMIA rank-sum test alone rejects non-membership at α
     * @param distanceToRetrained mean L2 distance of the served answers from the retrained model's, test set
     */
    record StrategyFigures(VerdictTally blackBox, VerdictTally replay, String replayResult, double replaySeconds,
                           int answersDisagreeing, int sentinelsShown, int sentinelsSuppressed, int sentinelTests,
                           int answersChanged, List<Integer> probes, double queriesPerVerification,
                           double secondsPerVerification, double unlearningSeconds, double forgettingRate,
                           double accuracyDrop, double attackSuccessBefore, double attackSuccessAfter, double membershipAuc,
                           double liraPower, double rmiaAuc, double rmiaPower, double distanceToRetrained) {
    }

    /**
     * How well a detector finds the marks among the marks-only group's samples.
     *
     * @param precision        flagged samples that are marks
     * @param recall           marks flagged
     * @param coversFlagged    covers flagged (the provider drops them too, at no cost to it)
     * @param untouchedFlagged untouched samples flagged (what it gives up of the data it wants to keep)
     */
    record DetectorFigures(double precision, double recall, double coversFlagged, double untouchedFlagged) {
    }

    /** Everything measured on one layout. */
    record LayoutFigures(int shards, List<Double> accuracyWithoutMarks, List<Double> accuracyWithMarks, int calibratedDecidable,
                         int labelTestDecidable, double miaAuc, double miaTprAt1PctFpr,
                         Map<ProviderStrategy, StrategyFigures> strategies, Map<String, DetectorFigures> detectors,
                         TrialCount falseAlarms, TrialCount misses, double trainingSeconds,
                         double versionProofSeconds) {
    }

    /** Of {@code trials} runs of the paired test, how many ended in the decision counted. */
    record TrialCount(int trials, int counted) {

        double rate() {
            return trials == 0 ? 0 : (double) counted / trials;
        }
    }

    /**
     * Apart seeds for the repeated trainings that measure marking's accuracy cost: one training's test
     * accuracy moves by about a point from seed to seed, as much as the cost itself.
     */
    private static final long REPEAT_SEED_STEP = 7_919;

    /** Probe images each deleted subject's trigger is stamped on for the attack success rate. */
    private static final int ATTACK_PROBES = 100;
    /** The z of RMIA's comparisons: clean probe images no model trained on. */
    private static final int RMIA_POPULATION = 1_000;

    private final Setup setup;

    VerificationExperiment(Setup setup) {
        this.setup = setup;
    }

    LayoutFigures run(int shards) {
        SisaTrainer trainer = trainer(shards, setup.seed());
        long trainingStart = System.nanoTime();
        SisaModel withMarks = trainer.train(arrivals(setup.contributions()), SisaProgress.NONE);
        double trainingSeconds = (System.nanoTime() - trainingStart) / 1e9;
        double versionProofSeconds = BenchReplay.proveVersion(withMarks, trainer.settings(), setup.verifierStore(),
                setup.proven());
        String modelName = "mlp-s" + shards;
        Bytes32 includedVersion = setup.ledger().firstVersion(modelName,
                TrainingTranscript.of(withMarks, trainer.settings()), withMarks);
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
            RelativeMembership relativeMembership = new RelativeMembership(shadows.oracles(),
                    setup.reference().probeImages().subList(0, RMIA_POPULATION), 1.0, 1.0);
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
                        setup.triggers(), clean(subject), nonMembersIncluded);
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
            List<Sentinel> sentinels = new ArrayList<>();
            for (int subject = 0; subject < setup.sentinels(); subject++) {
                sentinels.add(new Sentinel(setup.triggers().get(subject), calibrations.get(subject).backdoor()));
            }

            // the calibrations' plans were made on this version's null: a subject's own trigger is a kept backdoor
            TrialCount misses = countDecisions(shadows, included::probabilities,
                    calibrations.stream().map(CalibrationFigures::plan).toList(), setup.missTrials(),
                    subject -> setup.triggers().get(subject), SprtDecision.DELETED);
            Map<ProviderStrategy, StrategyFigures> strategies = new LinkedHashMap<>();
            Map<String, DetectorFigures> detectors = new LinkedHashMap<>();
            TrialCount falseAlarms = new TrialCount(0, 0);
            for (int group = 0; group < setup.strategies().size(); group++) {
                ProviderStrategy strategy = setup.strategies().get(group);
                List<Integer> deleted = groupMembers(group);
                Set<Bytes32> removed = removedHashes(deleted);
                long unlearningStart = System.nanoTime();
                SisaModel after = unlearner(strategy, trainer).unlearn(withMarks, removed, SisaProgress.NONE);
                double unlearningSeconds = (System.nanoTime() - unlearningStart) / 1e9;
                SisaModel retrained = strategy.equals(ProviderStrategy.of(UnlearningMethod.SISA)) ? after
                        : UnlearningMethod.SISA.unlearner(trainer, setup.store(), ApproximateUnlearningSettings.defaults())
                                .unlearn(withMarks, removed, SisaProgress.NONE);
                Bytes32 afterVersion = setup.ledger().childVersion(modelName,
                        TrainingTranscript.of(after, trainer.settings()), after, includedVersion);
                List<BenchLedger.ExecutedDeletion> requests = new ArrayList<>();
                for (int subject : deleted) {
                    requests.add(setup.ledger().executedDeletion(modelName, subjectId(subject), strategy.label(),
                            afterVersion, UnlearningStrategy.valueOf(strategy.claimed().name())));
                }
                if (strategy.unlearned().isEmpty()) {
                    for (MarkDetector detector : setup.detectors()) {
                        detectors.put(detector.name(), detectorFigures(new MarksOnlyUnlearner(trainer, setup.store(),
                                detector).flagged(withMarks, removed), deleted));
                    }
                }
                try (SisaEnsemble recorded = SisaEnsemble.load(after, setup.store());
                     SisaEnsemble reference = SisaEnsemble.load(retrained, setup.store());
                     BenchReplay replay = BenchReplay.of(strategy, after, trainer.settings(), setup.store(),
                             setup.verifierStore(), setup.proven())) {
                    ModelOracle served = switch (strategy.serving()) {
                        case RECORDED -> recorded::probabilities;
                        case FILTERED -> images -> recorded.probabilities(strategy.filter().orElseThrow().apply(images));
                        case PREVIOUS -> included::probabilities;
                    };
                    StrategyCounts counts = verifyGroup(engine, served, after, afterVersion, strategy, deleted, requests,
                            calibrations, SentinelPanel.of(sentinels), replay, relativeMembership);
                    strategies.put(strategy, literatureFigures(counts, replay, unlearningSeconds, included::probabilities,
                            served, reference::probabilities, deleted, removed));
                    if (strategy.honest() && strategy.unlearned().orElseThrow() == UnlearningMethod.RETRAIN) {
                        falseAlarms = falseAlarmTrials(engine, shadows, recorded, calibrations);
                    }
                }
            }
            return new LayoutFigures(shards, accuracyWithoutMarks, accuracyWithMarks, decidable, labelDecidable,
                    BenchOutput.fourDecimals(aucSum / calibrations.size()), BenchOutput.fourDecimals(tprSum / calibrations.size()),
                    strategies, detectors, falseAlarms, misses, trainingSeconds, versionProofSeconds);
        }
    }

    private Unlearner unlearner(ProviderStrategy strategy, SisaTrainer trainer) {
        return strategy.unlearned().map(method -> method.unlearner(trainer, setup.store(),
                ApproximateUnlearningSettings.defaults()))
                .orElseGet(() -> new MarksOnlyUnlearner(trainer, setup.store(), setup.marksOnlyDetector()));
    }

    /** Precision and recall of a detector's flags against the group's marks; the share of covers and untouched flagged. */
    private DetectorFigures detectorFigures(Set<Bytes32> flagged, List<Integer> deleted) {
        int marks = 0;
        int marksFlagged = 0;
        int covers = 0;
        int coversFlagged = 0;
        int untouched = 0;
        int untouchedFlagged = 0;
        for (int subject : deleted) {
            Marking.Marked marked = setup.marked().get(subject);
            for (Sample sample : marked.samples()) {
                boolean hit = flagged.contains(sample.hash());
                if (marked.marks().contains(sample.hash())) {
                    marks++;
                    marksFlagged += hit ? 1 : 0;
                } else if (marked.covers().contains(sample.hash())) {
                    covers++;
                    coversFlagged += hit ? 1 : 0;
                } else {
                    untouched++;
                    untouchedFlagged += hit ? 1 : 0;
                }
            }
        }
        return new DetectorFigures(BenchOutput.fourDecimals(flagged.isEmpty() ? 0 : (double) marksFlagged / flagged.size()),
                BenchOutput.fourDecimals((double) marksFlagged / Math.max(1, marks)),
                BenchOutput.fourDecimals((double) coversFlagged / Math.max(1, covers)),
                BenchOutput.fourDecimals((double) untouchedFlagged / Math.max(1, untouched)));
    }

    /** The group's verdict counts with the literature's figures beside them. */
    private StrategyFigures literatureFigures(StrategyCounts counts, BenchReplay replay, double unlearningSeconds,
                                              ModelOracle before, ModelOracle served, ModelOracle retrained,
                                              List<Integer> deleted, Set<Bytes32> removed) {
        List<Sample> removedSamples = setup.contributions().stream().flatMap(List::stream)
                .filter(sample -> removed.contains(sample.hash())).toList();
        List<Sample> attackImages = setup.reference().probeImages().subList(0, ATTACK_PROBES);
        double asrBefore = 0;
        double asrAfter = 0;
        for (int subject : deleted) {
            asrBefore += UnlearningMetrics.attackSuccessRate(before, setup.triggers().get(subject), attackImages);
            asrAfter += UnlearningMetrics.attackSuccessRate(served, setup.triggers().get(subject), attackImages);
        }
        return new StrategyFigures(counts.blackBox(), counts.replay(), replay.result(),
                BenchOutput.oneDecimal(replay.seconds()), counts.answersDisagreeing(), counts.sentinelsShown(),
                counts.sentinelsSuppressed(), counts.sentinelTests(), counts.answersChanged(), counts.probes(), counts.queriesPerVerification(), counts.secondsPerVerification(),
                BenchOutput.oneDecimal(unlearningSeconds),
                BenchOutput.fourDecimals(UnlearningMetrics.forgettingRate(before, served, removedSamples)),
                BenchOutput.fourDecimals(UnlearningMetrics.accuracy(before, setup.test())
                        - UnlearningMetrics.accuracy(served, setup.test())),
                BenchOutput.fourDecimals(asrBefore / deleted.size()), BenchOutput.fourDecimals(asrAfter / deleted.size()),
                BenchOutput.fourDecimals(counts.membershipAucSum() / deleted.size()),
                BenchOutput.fourDecimals((double) counts.liraShown() / deleted.size()),
                BenchOutput.fourDecimals(counts.rmiaAucSum() / deleted.size()),
                BenchOutput.fourDecimals((double) counts.rmiaShown() / deleted.size()),
                BenchOutput.fourDecimals(UnlearningMetrics.outputDistance(served, retrained, setup.test())));
    }

    private SisaTrainer trainer(int shards, long seed) {
        return new SisaTrainer(new SisaTrainer.Settings(Architecture.MLP, new SisaLayout(shards, setup.slices()),
                TrainingConfig.defaults(setup.epochsPerSlice(), seed)), setup.store());
    }

    /** A group's verdicts in both modes and the costs of reaching them. */
    private record StrategyCounts(VerdictTally blackBox, VerdictTally replay, int answersDisagreeing, int sentinelsShown,
                                  int sentinelsSuppressed, int sentinelTests, int answersChanged, List<Integer> probes,
                                  double queriesPerVerification, double secondsPerVerification, double membershipAucSum,
                                  int liraShown, double rmiaAucSum, int rmiaShown) {
    }

    /**
     * Verifies every deleted subject of a group against the served model, counting all its queries. One verification
     * weighs the replay; the same measurements without it give the black-box verdict.
     */
    private StrategyCounts verifyGroup(VerificationEngine engine, ModelOracle served, SisaModel recorded, Bytes32 version,
                                       ProviderStrategy strategy, List<Integer> deleted,
                                       List<BenchLedger.ExecutedDeletion> requests,
                                       List<CalibrationFigures> calibrations, SentinelPanel sentinels, BenchReplay replay,
                                       RelativeMembership relativeMembership) {
        CountingOracle oracle = new CountingOracle(served);
        long start = System.nanoTime();
        NullModel nullModel = engine.measureNull(oracle, setup.triggers());
        MembershipScores nonMembers = engine.nonMemberScores(oracle);
        VerdictTally blackBox = VerdictTally.none();
        VerdictTally withReplay = VerdictTally.none();
        int disagreeing = 0;
        int shown = 0;
        int suppressed = 0;
        int sentinelTests = 0;
        int answersChanged = 0;
        double aucSum = 0;
        int liraShown = 0;
        double alpha = setup.settings().alpha();
        List<Integer> probes = new ArrayList<>();
        Set<Bytes32> recordedSet = new HashSet<>(recorded.trainingSet().stream().map(Sample::hash).toList());
        for (int i = 0; i < deleted.size(); i++) {
            int subject = deleted.get(i);
            Instant started = Instant.now();
            long queriesBefore = oracle.queries();
            VerificationOutcome outcome = engine.verify(oracle, nullModel, nonMembers, calibrations.get(subject).backdoor(),
                    setup.triggers().get(subject), setup.triggers(), clean(subject),
                    new Evidence(dataCheck(subject, recordedSet), replay.evidence(), sentinels));
            BenchLedger.ExecutedDeletion request = requests.get(i);
            setup.ledger().recordVerification(request.requestId(), new CertificatePayload(CertificatePayload.TYPE,
                    request.requestId().toHex(), subjectId(subject).toHex(), version.toHex(),
                    outcome.decision().verdict().name(), outcome.decision().reason(), outcome.plan(), outcome.backdoor(),
                    nullModel, outcome.membership(), outcome.serving(), outcome.data(), outcome.replay(),
                    outcome.layers(), calibrations.get(subject), oracle.queries() - queriesBefore, started.toString(),
                    Instant.now().toString(),
                    new CertificatePayload.LedgerEvidence(setup.ledger().contractAddress(),
                            setup.commitments().get(subject).toHex(), setup.commitTransactions().get(subject),
                            request.requestId().toHex(), request.anchorTransaction(), version.toHex(),
                            strategy.claimed().name(), request.unlearningTransaction())), outcome);
            outcome.backdoor().ifPresent(result -> probes.add(result.probes()));
            blackBox = blackBox.plus(outcome.blackBox());
            withReplay = withReplay.plus(outcome);
            disagreeing += outcome.replay().disagreed();
            shown += outcome.serving().shown();
            suppressed += outcome.serving().suppressed();
            sentinelTests += outcome.serving().sentinels();
            answersChanged += outcome.serving().changed();
            aucSum += outcome.membership().orElseThrow().liraAuc();
            liraShown += outcome.membership().orElseThrow().liraPValue() < alpha ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        // RMIA beside the verifier's own test, after it and on the served model directly, so that the verifications
        // ask exactly what they asked without it (a filter's fresh noise is drawn per query)
        RelativeMembership.Scorer rmia = relativeMembership.on(served);
        double[] nonMembersRmia = rmia.scores(setup.reference().nonMembers());
        double rmiaAucSum = 0;
        int rmiaShown = 0;
        for (int subject : deleted) {
            RankSum relative = rmiaAgainstNonMembers(rmia, clean(subject), nonMembers, nonMembersRmia);
            rmiaAucSum += relative.auc();
            rmiaShown += relative.pValue() < alpha ? 1 : 0;
        }
        return new StrategyCounts(blackBox, withReplay, disagreeing, shown, suppressed, sentinelTests, answersChanged,
                probes, BenchOutput.oneDecimal((double) oracle.queries() / deleted.size()),
                BenchOutput.fourDecimals(seconds / deleted.size()), aucSum, liraShown, rmiaAucSum, rmiaShown);
    }

    /** A subject's clean samples' RMIA scores against the known non-members', those taken in the subject's mix of classes. */
    private static RankSum rmiaAgainstNonMembers(RelativeMembership.Scorer rmia, List<Sample> clean,
                                                 MembershipScores nonMembers, double[] nonMembersRmia) {
        int[] matched = nonMembers.matchedIndices(clean.stream().mapToInt(Sample::label).toArray());
        return RankSum.compare(rmia.scores(clean), Arrays.stream(matched).mapToDouble(i -> nonMembersRmia[i]).toArray());
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

    /**
     * The subjects deleted under strategy {@code group}: the non-sentinel subjects in turn, wrapping round, so
     * that each strategy starts from the same trained model with a group of its own.
     */
    private List<Integer> groupMembers(int group) {
        int candidates = setup.triggers().size() - setup.sentinels();
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < setup.deletedPerStrategy(); i++) {
            members.add(setup.sentinels() + (group * setup.deletedPerStrategy() + i) % candidates);
        }
        return members;
    }

    /**
     * The data layer as the recorded version states it: the subject's samples against the training set it records
     * (what its root commits to; the service checks the same by proofs against the root on the ledger).
     */
    private DataCheck dataCheck(int subject, Set<Bytes32> recordedSet) {
        List<Sample> samples = setup.marked().get(subject).samples();
        int present = (int) samples.stream().filter(sample -> recordedSet.contains(sample.hash())).count();
        return new DataCheck(samples.size(), samples.size() - present, present);
    }

    private List<Sample> clean(int subject) {
        return setup.marked().get(subject).untouched();
    }

    private Set<Bytes32> removedHashes(List<Integer> subjects) {
        Set<Bytes32> removed = new HashSet<>();
        subjects.forEach(subject -> setup.marked().get(subject).samples().forEach(sample -> removed.add(sample.hash())));
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

    /** Marks every subject's samples: f of them stamped and relabelled, c covered, the rest untouched. */
    static List<Marking.Marked> mark(List<Sample> train, int baseSamples, List<TriggerSpec> triggers, int samplesEach,
                                     double fraction, double coverFraction, Marking marking) {
        List<Marking.Marked> marked = new ArrayList<>();
        for (int subject = 0; subject < triggers.size(); subject++) {
            int from = baseSamples + subject * samplesEach;
            marked.add(marking.mark(train.subList(from, from + samplesEach), triggers.get(subject), fraction, coverFraction));
        }
        return marked;
    }
}
