package org.lethe.cli.bench;

import org.hipparchus.stat.descriptive.DescriptiveStatistics;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.ml.sisa.CheckpointStore;
import org.lethe.ml.unlearning.UnlearningMethod;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code lethe bench verification}: the verifier's error rates and costs. Enrolled subjects' marked
 * samples train a SISA ensemble and a monolithic model; groups of subjects are deleted under each
 * unlearning strategy and verified black-box through class probabilities.
 */
@Command(name = "verification", description = "Verdicts, error rates and probes of the verifier over every unlearning strategy.")
final class VerificationBenchCommand implements Callable<Integer> {

    /** Draws before a trigger or decoy is given up, as lethe.verifier.triggers.draw-attempts. */
    private static final int DRAW_ATTEMPTS = 10_000;

    /**
     * One strategy's line, named as {@code docs/benchmarks.md} reports it; {@code notDeletedByMembership}
     * says how many NOT_DELETED verdicts membership inference gave, the backdoor test having found nothing.
     */
    record StrategyResult(int certified, int notDeleted, int notDeletedByMembership, int inconclusive, int probesMedian,
                          int probesMax, double queriesPerVerification, double secondsPerVerification) {
    }

    /** One layout's figures. */
    record ModelResult(int shards, Map<String, StrategyResult> strategies, int falseCertifications, int falseAlarms,
                       int probesMedian, int probesMax, double decidedWithinMaxProbes, double empiricalFalseAlarmRate,
                       int falseAlarmTrials, double empiricalMissRate, int missTrials, double labelTestPower,
                       double calibratedDecidable,
                       double accuracyWithoutMarks, double accuracyWithMarks, double accuracyCostOfMarking,
                       double accuracyCostStandardError, List<Double> accuracyCosts, double miaAuc,
                       double miaTprAt1PctFpr) {
    }

    /** The whole report. */
    record Result(int subjects, int samplesPerSubject, double markedFraction, double coverFraction, int triggerPixels, double backgroundMaxIntensity,
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
        if (deletedPerStrategy * VerificationExperiment.strategies().size() > subjects) {
            spec.commandLine().getErr().println(VerificationExperiment.strategies().size() + " strategies × "
                    + deletedPerStrategy + " deletions need at least that many --subjects, got " + subjects);
            return 2;
        }
        FashionMnist data = FashionMnist.installed();
        List<Sample> train = data.train();
        int providerSamples = baseSamples != null ? baseSamples : Math.max(0, train.size() - subjects * samplesPerSubject);
        if (providerSamples < 0 || providerSamples + subjects * samplesPerSubject > train.size()) {
            spec.commandLine().getErr().println("--base-samples (not negative) plus --subjects × --samples-per-subject "
                    + "exceed the " + train.size() + " training images");
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
        List<List<Sample>> contributions = new ArrayList<>();
        List<List<Sample>> clean = new ArrayList<>();
        VerificationExperiment.mark(train, providerSamples, triggers, samplesPerSubject, markedFraction, coverFraction,
                new Marking(random, generator), contributions, clean);
        VerificationSettings settings = new VerificationSettings(alpha, beta, maxProbes, calibrationProbes, 0.95,
                nullTriggers, 8);

        try (ScratchDirectory work = ScratchDirectory.create("lethe-bench-verification");
                BenchLedger ledger = new BenchLedger()) {
            List<String> commitTransactions = new ArrayList<>();
            for (int subject = 0; subject < subjects; subject++) {
                commitTransactions.add(ledger.commitTrigger(VerificationExperiment.subjectId(subject), commitments.get(subject)));
            }
            VerificationExperiment experiment = new VerificationExperiment(new VerificationExperiment.Setup(train,
                    data.test(), reference, triggers, contributions, clean, providerSamples, deletedPerStrategy, slices,
                    epochsPerSlice, shadowModels, falseAlarmTrials, missTrials, accuracyRepeats, seed, settings,
                    new ProbeSupply(reference.probeImages(), generator, collisions, random, DRAW_ATTEMPTS),
                    new CheckpointStore(work.path()), ledger, commitments, commitTransactions));
            List<ModelResult> models = new ArrayList<>();
            for (int layout : shards) {
                models.add(summarise(experiment.run(layout)));
            }
            double labelTestPowerSisa = models.stream().filter(model -> model.shards() > 1)
                    .mapToDouble(ModelResult::labelTestPower).findFirst().orElse(Double.NaN);
            BenchOutput.print(spec.commandLine().getOut(), new Result(subjects, samplesPerSubject, markedFraction, coverFraction, triggerPixels, backgroundMaxIntensity,
                    region.size(), capacity,
                    deletedPerStrategy, alpha, beta, maxProbes, models, labelTestPowerSisa, ledger.recorded(),
                    ledger.matching()), json);
            return 0;
        }
    }

    private ModelResult summarise(VerificationExperiment.LayoutFigures figures) {
        Map<String, StrategyResult> strategies = new LinkedHashMap<>();
        List<Integer> allProbes = new ArrayList<>();
        int verifications = 0;
        int decided = 0;
        for (Map.Entry<UnlearningMethod, VerificationExperiment.StrategyFigures> entry : figures.strategies().entrySet()) {
            VerificationExperiment.StrategyFigures s = entry.getValue();
            strategies.put(entry.getKey().name().toLowerCase().replace('_', '-'), new StrategyResult(s.certified(),
                    s.notDeleted(), s.notDeletedByMembership(), s.inconclusive(), median(s.probes()), max(s.probes()),
                    s.queriesPerVerification(), s.secondsPerVerification()));
            allProbes.addAll(s.probes());
            verifications += s.certified() + s.notDeleted() + s.inconclusive();
            decided += s.certified() + s.notDeleted();
        }
        var none = figures.strategies().get(UnlearningMethod.NONE);
        DescriptiveStatistics costs = costs(figures);
        int falseAlarms = figures.strategies().get(UnlearningMethod.SISA).notDeleted()
                + figures.strategies().get(UnlearningMethod.RETRAIN).notDeleted();
        return new ModelResult(figures.shards(), strategies, none.certified(), falseAlarms, median(allProbes),
                max(allProbes), BenchOutput.fourDecimals((double) decided / verifications),
                figures.falseAlarms().rate(), figures.falseAlarms().trials(), figures.misses().rate(),
                figures.misses().trials(), BenchOutput.fourDecimals((double) figures.labelTestDecidable() / subjects),
                BenchOutput.fourDecimals((double) figures.calibratedDecidable() / subjects),
                BenchOutput.fourDecimals(mean(figures.accuracyWithoutMarks())),
                BenchOutput.fourDecimals(mean(figures.accuracyWithMarks())), BenchOutput.fourDecimals(costs.getMean()),
                BenchOutput.fourDecimals(costs.getN() < 2 ? Double.NaN : costs.getStandardDeviation() / Math.sqrt(costs.getN())),
                Arrays.stream(costs.getValues()).map(BenchOutput::fourDecimals).boxed().toList(), figures.miaAuc(),
                figures.miaTprAt1PctFpr());
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
