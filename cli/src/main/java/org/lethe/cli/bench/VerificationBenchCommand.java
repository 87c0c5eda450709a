package org.lethe.cli.bench;

import org.hipparchus.stat.descriptive.DescriptiveStatistics;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.ml.dishonest.MarkDetector;
import org.lethe.ml.dishonest.MarkDetectorKind;
import org.lethe.ml.dishonest.ProviderStrategy;
import org.lethe.ml.dishonest.QueryFilter;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.replay.ProvenPrefixes;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.service.process.ScratchDirectory;
import org.lethe.verifier.backdoor.ProbeSupply;
import org.lethe.verifier.reference.ReferenceData;
import org.lethe.verifier.trigger.Marking;
import org.lethe.verifier.trigger.SecretTrigger;
import org.lethe.verifier.trigger.TriggerCollisions;
import org.lethe.verifier.trigger.TriggerCommitment;
import org.lethe.verifier.trigger.TriggerGenerator;
import org.lethe.verifier.trigger.TriggerRegion;
import org.lethe.verifier.trigger.TriggerSpec;
import org.lethe.verifier.verification.VerificationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code lethe bench verification}: the verifier's error rates and costs. Enrolled subjects' marked
 * samples train a SISA ensemble and a monolithic model; groups of subjects are deleted under each
 * provider strategy, honest or not, and verified black-box through class probabilities, the verifier's
 * sentinel subjects tested beside each deletion.
 */
@Command(name = "verification", description = "Verdicts, error rates and probes of the verifier over every unlearning strategy.")
final class VerificationBenchCommand implements Callable<Integer> {

    /** Draws before a trigger or decoy is given up, as lethe.verifier.triggers.draw-attempts. */
    private static final int DRAW_ATTEMPTS = 10_000;


    /** The query filters measured when --filters names none. */
    private static final String DEFAULT_FILTERS = "median:3,mean:3,noise:32,quantise:2";

    /**
     * One strategy's line, named as {@code docs/benchmarks.md} reports it: its verdicts black-box and with the replay
     * (which layer caught a provider: {@code notDeletedByReplay} the replay, {@code notDeletedByMembership}
     * membership inference, the other NOT_DELETED the backdoor test, {@code evasions} the serving layer), the
     * replay's result and cost beside the unlearning's, the serving checks, and the literature's figures: forgetting
     * rate, accuracy drop, the backdoor's attack success rate before and after, membership AUC, unlearning time and
     * the served answers' distance from the retrained model's; beside the verifier's membership test, the power at
     * α of its LiRA score alone ({@code liraPower}) and of RMIA ({@code rmiaAuc}, {@code rmiaPower}).
     */
    record StrategyResult(VerdictTally blackBox, VerdictTally replay, String replayResult, double replaySeconds,
                          double unlearningSeconds, int answersDisagreeing, int sentinelsShown, int sentinelsSuppressed,
                          int sentinelTests, int answersChanged, int probesMedian, int probesMax,
                          double queriesPerVerification, double secondsPerVerification, double forgettingRate,
                          double accuracyDrop, double attackSuccessBefore, double attackSuccessAfter, double membershipAuc,
                          double liraPower, double rmiaAuc, double rmiaPower, double distanceToRetrained) {
    }

    /**
     * One layout's figures. False certifications: CERTIFIED for a provider that keeps data it records as deleted
     * ({@code none}, {@code marks-only}, every {@code filtered}, {@code stale}), black-box and with the replay;
     * false alarms: NOT_DELETED for {@code sisa} and {@code retrain}; honest certified: their share certified;
     * {@code decidedWithinMaxProbes}: the share of backdoor tests that were planned and decided within the allowed
     * probes, over the five strategies that serve what they record. {@code versionProofSeconds}: the verifier's
     * first replay of the version with the marks, every shard from its first slice, beside the provider's
     * {@code trainingSeconds} of it; the deletions' {@code replaySeconds} start from what it proved.
     */
    record ModelResult(int shards, Map<String, StrategyResult> strategies,
                       Map<String, VerificationExperiment.DetectorFigures> detectors, int falseCertificationsBlackBox,
                       int falseCertificationsReplay, int falseAlarmsBlackBox, int falseAlarmsReplay,
                       double honestCertifiedBlackBox, double honestCertifiedReplay,
                       int probesMedian, int probesMax, double decidedWithinMaxProbes, double empiricalFalseAlarmRate,
                       int falseAlarmTrials, double empiricalMissRate, int missTrials, double labelTestPower,
                       double calibratedDecidable,
                       double accuracyWithoutMarks, double accuracyWithMarks, double accuracyCostOfMarking,
                       double accuracyCostStandardError, List<Double> accuracyCosts, double miaAuc,
                       double miaTprAt1PctFpr, double trainingSeconds, double versionProofSeconds) {
    }

    /** The whole report. */
    record Result(int subjects, int sentinels, int samplesPerSubject, double markedFraction, double coverFraction,
                  int triggerPixels, double backgroundMaxIntensity, String marksOnlyDetector,
                  int triggerRegionPositions, int triggerCapacity, int deletedPerStrategy, double alpha,
                  double beta, int maxProbes, List<ModelResult> models, double labelTestPowerSisa,
                  int verdictsOnLedger, int verdictsMatchingCertificates) {
    }

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--subjects", defaultValue = "100", description = "Enrolled subjects (default: ${DEFAULT-VALUE}).")
    int subjects;

    @Option(names = "--samples-per-subject", defaultValue = "300", description = "Samples each subject contributes (default: ${DEFAULT-VALUE}).")
    int samplesPerSubject;

    @Option(names = "--marked-fraction", defaultValue = "0.25",
            description = "f, the share of marks, as the verifier service marks (default: ${DEFAULT-VALUE}).")
    double markedFraction;

    @Option(names = "--cover-fraction", defaultValue = "0.25",
            description = "The share of covers (a random pattern, the label kept), as lethe.verifier.marking.cover-fraction (default: ${DEFAULT-VALUE}).")
    double coverFraction;

    @Option(names = "--deleted-per-strategy", defaultValue = "20", description = "Subjects deleted under each strategy (default: ${DEFAULT-VALUE}).")
    int deletedPerStrategy;

    @Option(names = "--sentinels", defaultValue = "3",
            description = "Subjects that are the verifier's own sentinels: never deleted, tested beside every deletion (default: ${DEFAULT-VALUE}).")
    int sentinels;

    @Option(names = "--filters", defaultValue = DEFAULT_FILTERS, split = ",",
            description = "One `filtered` provider per query filter: median:W, mean:W, noise:SIGMA, quantise:BITS (default: ${DEFAULT-VALUE}).")
    List<String> filters;

    @Option(names = "--marks-only-detector", defaultValue = "bright-background",
            description = "The detector the marks-only provider drops samples by: bright-background, label-disagreement or "
                    + "spectral-signature (default: ${DEFAULT-VALUE}); all three are measured.")
    String marksOnlyDetector;

    @Option(names = "--base-samples", description = "The provider's own images (default: the training images the subjects "
            + "do not contribute).")
    Integer baseSamples;

    @Option(names = "--shards", defaultValue = "8,1", split = ",", description = "Layouts to measure (default: ${DEFAULT-VALUE}).")
    List<Integer> shards;

    @Option(names = "--slices", defaultValue = "4", description = "R (default: ${DEFAULT-VALUE}).")
    int slices;

    @Option(names = "--epochs-per-slice", defaultValue = "3", description = "Epochs per slice step (default: ${DEFAULT-VALUE}).")
    int epochsPerSlice;

    @Option(names = "--alpha", defaultValue = "1e-3", description = "α (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--beta", defaultValue = "1e-3", description = "β (default: ${DEFAULT-VALUE}).")
    double beta;

    @Option(names = "--max-probes", defaultValue = "30", description = "Probe pairs one verification may ask (default: ${DEFAULT-VALUE}).")
    int maxProbes;

    @Option(names = "--calibration-probes", defaultValue = "128",
            description = "Probe pairs asked of the version with the data, as lethe.verifier.statistics.calibration-probes (default: ${DEFAULT-VALUE}).")
    int calibrationProbes;

    @Option(names = "--null-triggers", defaultValue = "48",
            description = "Unused triggers measured per served version, as lethe.verifier.statistics.null-triggers (default: ${DEFAULT-VALUE}).")
    int nullTriggers;

    @Option(names = "--shadow-models", defaultValue = "4", description = "Reference models (default: ${DEFAULT-VALUE}).")
    int shadowModels;

    @Option(names = "--false-alarm-trials", defaultValue = "1000",
            description = "Unlearnt triggers tested against the retrained model (default: ${DEFAULT-VALUE}).")
    int falseAlarmTrials;

    @Option(names = "--miss-trials", defaultValue = "1000",
            description = "Subjects' own triggers tested against the version trained with their data, round robin (default: ${DEFAULT-VALUE}).")
    int missTrials;

    @Option(names = "--trigger-pixels", defaultValue = "4",
            description = "k, the pixels of each trigger, as lethe.verifier.triggers.pixels (default: ${DEFAULT-VALUE}).")
    int triggerPixels;

    @Option(names = "--background-max-intensity", defaultValue = "0.08",
            description = "Where triggers may lie: positions this dark on average, as lethe.verifier.triggers.background-max-intensity (default: ${DEFAULT-VALUE}).")
    double backgroundMaxIntensity;

    @Option(names = "--accuracy-repeats", defaultValue = "3",
            description = "Trainings with and without marks, each pair with its own seed, for marking's accuracy cost (default: ${DEFAULT-VALUE}).")
    int accuracyRepeats;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of triggers, marks and training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (subjects < 1 || samplesPerSubject < 2 || deletedPerStrategy < 1 || slices < 1 || epochsPerSlice < 1
                || shadowModels < 2 || calibrationProbes < 2 || nullTriggers < 2 || falseAlarmTrials < 0 || missTrials < 0
                || accuracyRepeats < 1 || triggerPixels < 1 || maxProbes < 1
                || shards.isEmpty()
                || shards.stream().anyMatch(s -> s < 1) || !(markedFraction > 0 && markedFraction <= 1)
                || !(coverFraction >= 0 && coverFraction < 1) || !(backgroundMaxIntensity >= 0 && backgroundMaxIntensity <= 1)) {
            spec.commandLine().getErr().println("sizes must be positive, --shadow-models, --calibration-probes, "
                    + "--null-triggers and --samples-per-subject ≥ 2, "
                    + "--marked-fraction within (0, 1], --cover-fraction within [0, 1) and --background-max-intensity within [0, 1]");
            return 2;
        }
        if (sentinels < 0 || deletedPerStrategy > subjects - sentinels) {
            spec.commandLine().getErr().println("--sentinels must not be negative, and " + deletedPerStrategy
                    + " deletions per strategy need at least that many --subjects besides the " + sentinels + " sentinels, got "
                    + subjects);
            return 2;
        }
        List<QueryFilter> queryFilters = new ArrayList<>();
        try {
            for (String filter : filters) {
                queryFilters.add(QueryFilter.parse(filter, seed));
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("--filters: " + e.getMessage());
            return 2;
        }
        MarkDetectorKind chosen;
        try {
            chosen = MarkDetectorKind.named(marksOnlyDetector);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("--marks-only-detector: " + e.getMessage());
            return 2;
        }
        FashionMnist data = FashionMnist.installed();
        List<Sample> train = data.train();
        int providerSamples = baseSamples != null ? baseSamples : Math.max(0, train.size() - subjects * samplesPerSubject);
        if (providerSamples < 1 || providerSamples + subjects * samplesPerSubject > train.size()) {
            spec.commandLine().getErr().println("--base-samples (positive: the marks-only provider's detectors learn from "
                    + "its own images) plus --subjects × --samples-per-subject exceed the " + train.size() + " training images");
            return 2;
        }
        SecureRandom random = seeded(seed);
        ReferenceData reference = ReferenceData.fromTestSplit(data, 6_000, 2_000, 1_000);
        TriggerRegion region;
        TriggerGenerator generator;
        try {
            region = TriggerRegion.darkBackground(reference.shadowTraining(), backgroundMaxIntensity);
            generator = new TriggerGenerator(random, triggerPixels, region);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("--background-max-intensity " + backgroundMaxIntensity + " with --trigger-pixels "
                    + triggerPixels + ": " + e.getMessage());
            return 2;
        }
        TriggerCollisions collisions = new TriggerCollisions(1);
        List<TriggerSpec> triggers = new ArrayList<>();
        for (int subject = 0; subject < subjects; subject++) {
            Optional<TriggerSpec> trigger = generator.drawEnrollable(triggers, collisions, DRAW_ATTEMPTS);
            if (trigger.isEmpty()) {
                spec.commandLine().getErr().println("no trigger clear of " + triggers.size() + " enrolled ones within the "
                        + region.size() + " positions of --background-max-intensity " + backgroundMaxIntensity
                        + ": fewer --subjects or a larger region");
                return 2;
            }
            triggers.add(trigger.get());
        }
        int capacity = triggerCapacity(new TriggerGenerator(seeded(seed + 1), triggerPixels, region), collisions, triggers);
        List<Bytes32> commitments = new ArrayList<>();
        for (TriggerSpec trigger : triggers) {
            byte[] salt = new byte[TriggerCommitment.SALT_BYTES];
            random.nextBytes(salt);
            commitments.add(new SecretTrigger(trigger, salt).commitment());
        }
        List<Marking.Marked> marked = VerificationExperiment.mark(train, providerSamples, triggers, samplesPerSubject,
                markedFraction, coverFraction, new Marking(random, generator));
        VerificationSettings settings = new VerificationSettings(alpha, beta, maxProbes, calibrationProbes, 0.95,
                nullTriggers, 8);

        List<Sample> providersOwn = train.subList(0, providerSamples);
        Map<MarkDetectorKind, MarkDetector> detectors = new EnumMap<>(MarkDetectorKind.class);
        try (ScratchDirectory work = ScratchDirectory.create("lethe-bench-verification");
                ScratchDirectory verifierWork = ScratchDirectory.create("lethe-bench-verification-replay");
                BenchLedger ledger = new BenchLedger()) {
            for (MarkDetectorKind kind : MarkDetectorKind.values()) {
                detectors.put(kind, kind.build(providersOwn, Architecture.MLP,
                        TrainingConfig.defaults(epochsPerSlice, seed + 2_000)));
            }
            List<String> commitTransactions = new ArrayList<>();
            for (int subject = 0; subject < subjects; subject++) {
                commitTransactions.add(ledger.commitTrigger(VerificationExperiment.subjectId(subject), commitments.get(subject)));
            }
            VerificationExperiment experiment = new VerificationExperiment(new VerificationExperiment.Setup(train,
                    data.test(), reference, triggers, marked, providerSamples, sentinels, deletedPerStrategy,
                    ProviderStrategy.all(queryFilters), List.copyOf(detectors.values()), detectors.get(chosen), slices,
                    epochsPerSlice, shadowModels, falseAlarmTrials, missTrials, accuracyRepeats, seed, settings,
                    new ProbeSupply(reference.probeImages(), generator, collisions, random, DRAW_ATTEMPTS),
                    new CheckpointStore(work.path()), new CheckpointStore(verifierWork.path()), ProvenPrefixes.inProcess(),
                    ledger, commitments,
                    commitTransactions));
            List<ModelResult> models = new ArrayList<>();
            for (int layout : shards) {
                models.add(summarise(experiment.run(layout)));
            }
            double labelTestPowerSisa = models.stream().filter(model -> model.shards() > 1)
                    .mapToDouble(ModelResult::labelTestPower).findFirst().orElse(Double.NaN);
            BenchOutput.print(spec.commandLine().getOut(), new Result(subjects, sentinels, samplesPerSubject, markedFraction,
                    coverFraction, triggerPixels, backgroundMaxIntensity, marksOnlyDetector, region.size(), capacity,
                    deletedPerStrategy, alpha, beta, maxProbes, models, labelTestPowerSisa, ledger.recorded(),
                    ledger.matching()), json);
            return 0;
        } finally {
            // the label-disagreement detector holds a trained network
            for (MarkDetector detector : detectors.values()) {
                if (detector instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
        }
    }

    private ModelResult summarise(VerificationExperiment.LayoutFigures figures) {
        Map<String, StrategyResult> strategies = new LinkedHashMap<>();
        List<Integer> allProbes = new ArrayList<>();
        int verifications = 0;
        int decided = 0;
        VerdictTally kept = VerdictTally.none();
        VerdictTally keptReplay = VerdictTally.none();
        VerdictTally honest = VerdictTally.none();
        VerdictTally honestReplay = VerdictTally.none();
        for (Map.Entry<ProviderStrategy, VerificationExperiment.StrategyFigures> entry : figures.strategies().entrySet()) {
            ProviderStrategy strategy = entry.getKey();
            VerificationExperiment.StrategyFigures s = entry.getValue();
            strategies.put(strategy.label(), new StrategyResult(s.blackBox(), s.replay(), s.replayResult(),
                    s.replaySeconds(), s.unlearningSeconds(), s.answersDisagreeing(), s.sentinelsShown(),
                    s.sentinelsSuppressed(), s.sentinelTests(), s.answersChanged(), median(s.probes()), max(s.probes()),
                    s.queriesPerVerification(), s.secondsPerVerification(), s.forgettingRate(), s.accuracyDrop(),
                    s.attackSuccessBefore(), s.attackSuccessAfter(), s.membershipAuc(), s.liraPower(), s.rmiaAuc(),
                    s.rmiaPower(), s.distanceToRetrained()));
            if (!strategy.dishonest()) {
                allProbes.addAll(s.probes());
                verifications += s.blackBox().verifications();
                decided += s.blackBox().verifications() - s.blackBox().undecided();
            }
            if (strategy.keepsData()) {
                kept = kept.plus(s.blackBox());
                keptReplay = keptReplay.plus(s.replay());
            }
            if (strategy.honest()) {
                honest = honest.plus(s.blackBox());
                honestReplay = honestReplay.plus(s.replay());
            }
        }
        DescriptiveStatistics costs = costs(figures);
        return new ModelResult(figures.shards(), strategies, figures.detectors(), kept.certified(), keptReplay.certified(),
                honest.notDeleted(), honestReplay.notDeleted(),
                BenchOutput.fourDecimals((double) honest.certified() / honest.verifications()),
                BenchOutput.fourDecimals((double) honestReplay.certified() / honestReplay.verifications()),
                median(allProbes), max(allProbes), BenchOutput.fourDecimals((double) decided / verifications),
                figures.falseAlarms().rate(), figures.falseAlarms().trials(), figures.misses().rate(),
                figures.misses().trials(), BenchOutput.fourDecimals((double) figures.labelTestDecidable() / subjects),
                BenchOutput.fourDecimals((double) figures.calibratedDecidable() / subjects),
                BenchOutput.fourDecimals(mean(figures.accuracyWithoutMarks())),
                BenchOutput.fourDecimals(mean(figures.accuracyWithMarks())), BenchOutput.fourDecimals(costs.getMean()),
                BenchOutput.fourDecimals(costs.getN() < 2 ? Double.NaN : costs.getStandardDeviation() / Math.sqrt(costs.getN())),
                Arrays.stream(costs.getValues()).map(BenchOutput::fourDecimals).boxed().toList(), figures.miaAuc(),
                figures.miaTprAt1PctFpr(), BenchOutput.fourDecimals(figures.trainingSeconds()),
                BenchOutput.fourDecimals(figures.versionProofSeconds()));
    }

    /** A reproducible stream: SHA1PRNG seeded before its first use draws only from the seed. */
    private static SecureRandom seeded(long seed) throws NoSuchAlgorithmException {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(seed);
        return random;
    }

    /**
     * How many subjects the region holds under the collision rules: the enrolled ones plus those still drawn
     * before the region is full, where the verifier's enrolment answers 503.
     */
    private static int triggerCapacity(TriggerGenerator generator, TriggerCollisions collisions, List<TriggerSpec> enrolled) {
        List<TriggerSpec> taken = new ArrayList<>(enrolled);
        Optional<TriggerSpec> next = generator.drawEnrollable(taken, collisions, DRAW_ATTEMPTS);
        while (next.isPresent()) {
            taken.add(next.get());
            next = generator.drawEnrollable(taken, collisions, DRAW_ATTEMPTS);
        }
        return taken.size();
    }

    /** Marking's cost in each repeated pair of trainings: without marks minus with them. */
    private static DescriptiveStatistics costs(VerificationExperiment.LayoutFigures figures) {
        DescriptiveStatistics costs = new DescriptiveStatistics();
        for (int repeat = 0; repeat < figures.accuracyWithMarks().size(); repeat++) {
            costs.addValue(figures.accuracyWithoutMarks().get(repeat) - figures.accuracyWithMarks().get(repeat));
        }
        return costs;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static int median(List<Integer> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static int max(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).max().orElse(0);
    }
}
