package org.lethe.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code lethe bench ledger}: gas and throughput of the ledger contract on a fresh local Anvil node. */
@Command(name = "ledger", description = "Gas per record and write throughput on a fresh local Anvil node.")
final class LedgerBenchCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--transactions", defaultValue = "500",
            description = "Writes timed sequentially and pipelined (default: ${DEFAULT-VALUE}).")
    int transactions;

    @Option(names = "--batches", defaultValue = "50", description = "Deletion batches anchored (default: ${DEFAULT-VALUE}).")
    int batches;

    @Option(names = "--batch-size", defaultValue = "1000", description = "Requests per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (transactions < 1 || batches < 1 || batchSize < 1) {
            spec.commandLine().getErr().println("--transactions, --batches and --batch-size must be positive");
            return 2;
        }
        LedgerBenchmark.Result result = new LedgerBenchmark(transactions, batches, batchSize).run();
        BenchOutput.print(spec.commandLine().getOut(), result, json);
        return 0;
    }
}
