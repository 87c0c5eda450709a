package org.lethe.cli.bench;

import picocli.CommandLine.Command;

/** Benchmarks: commands that measure, never tests that assert on time. */
@Command(name = "bench", description = "Run a benchmark and print its figures.",
        subcommands = {LedgerBenchCommand.class, TrainingBenchCommand.class, UnlearningBenchCommand.class,
                IntakeBenchCommand.class, VerificationBenchCommand.class, AuditBenchCommand.class})
public final class BenchCommand {
}
