package org.lethe.cli.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lethe.cli.CommandRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The training, unlearning, intake and verification benchmarks take minutes (not for the test suite): here only their
 * refusal of impossible settings, before any work starts.
 */
class ModelBenchCommandsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "training --epochs 0|--epochs must be positive",
        "unlearning --shards 0|must be positive",
        "unlearning --subject-arrival 1.5|--subject-arrival within 0..1",
        "unlearning --repeats 0|must be positive",
        "intake --warm-up -1|--warm-up not negative",
        "intake --clients 0|must be positive",
        "verification --shadow-models 1|--shadow-models, --calibration-probes, --null-triggers and --samples-per-subject ≥ 2",
        "verification --calibration-probes 1|--calibration-probes, --null-triggers and --samples-per-subject ≥ 2",
        "verification --null-triggers 1|--null-triggers and --samples-per-subject ≥ 2",
        "verification --miss-trials -1|sizes must be positive",
        "verification --marked-fraction 0|--marked-fraction within (0, 1]",
        "verification --cover-fraction 1|--cover-fraction within [0, 1)",
        "verification --background-max-intensity 1.5|--background-max-intensity within [0, 1]",
        "verification --background-max-intensity 0|no position has mean intensity ≤ 0.0",
        "verification --background-max-intensity 0.003|no trigger clear of",
        "verification --trigger-pixels 200|pixels per trigger must be 1..179",
        "verification --subjects 22 --deleted-per-strategy 20|need at least that many --subjects besides the 3 sentinels",
        "verification --sentinels -1|--sentinels must not be negative",
        "verification --filters median:3,blur:3|--filters: query filter 'blur:3': unknown kind 'blur'",
        "verification --filters median:4|--filters: query filter 'median:4': a window width is odd",
        "verification --marks-only-detector eyes|--marks-only-detector: mark detector 'eyes' is none of [bright-background",
        "verification --subjects 201 --samples-per-subject 300|exceed the 60000 training images",
        "verification --subjects 100 --base-samples 30001|exceed the 60000 training images",
        "verification --base-samples -1|--base-samples (positive",
        "verification --base-samples 0|the marks-only provider's detectors learn from its own images",
    })
    void refusesImpossibleSettings(String arguments, String message) {
        String[] args = ("bench " + arguments).split(" ");

        CommandRun run = CommandRun.of(args);

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(message), run.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"training --model RNN", "unlearning --shards many"})
    void refusesUnparseableOptions(String arguments) {
        CommandRun run = CommandRun.of(("bench " + arguments).split(" "));

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Invalid value"), run.err());
    }
}
