package org.lethe.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lethe.cli.CommandRun;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's output shape on a tiny run; the figures themselves live in docs/benchmarks.md. */
class LedgerBenchCommandTest {

    @Test
    void printsEveryFigureAsOneJsonObject() throws Exception {
        CommandRun run = CommandRun.of("bench", "ledger", "--json", "--transactions", "5", "--batches", "2",
                "--batch-size", "10");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode figures = new ObjectMapper().readTree(run.out());
        for (String gas : List.of("requestDeletionGas", "recordCheckpointGas", "recordVerificationGas")) {
            assertTrue(figures.get(gas).asLong() > 21_000, gas + " is more than a bare transfer: " + figures);
        }
        for (String rate : List.of("sequentialTxPerSecond", "pipelinedTxPerSecond", "anchoredRequestsPerSecond")) {
            assertTrue(figures.get(rate).asDouble() > 0, rate + ": " + figures);
        }
        assertEquals(10, figures.get("batchSize").asInt());
    }

    @Test
    void refusesNonPositiveSizes() {
        CommandRun run = CommandRun.of("bench", "ledger", "--batches", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("must be positive"), run.err());
    }
}
