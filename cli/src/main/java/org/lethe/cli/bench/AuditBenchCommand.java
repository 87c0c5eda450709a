package org.lethe.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lethe.cli.local.LocalLedger;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.LedgerWrite;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.Contribution;
import org.lethe.ledger.record.DeletionRequest;
import org.lethe.ledger.record.LayerState;
import org.lethe.ledger.record.Unlearning;
import org.lethe.ledger.record.UnlearningStrategy;
import org.lethe.ledger.record.Verdict;
import org.lethe.ledger.record.VerificationFigures;
import org.lethe.ledger.record.VerificationLayers;
import org.lethe.service.client.ServiceClient;
import org.lethe.service.process.ServiceProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code lethe bench audit}: the packaged auditor against a local ledger holding a long history written
 * through {@code LedgerClient}: how fast it indexes, how long a report takes, how fast a timeline answers.
 */
@Command(name = "audit", description = "Indexing speed, report time and timeline latency of the auditor service.")
final class AuditBenchCommand implements Callable<Integer> {

    /** Requests written per round: their contributions and requests, one version executing them all, the verdicts. */
    private static final int ROUND = 500;
    private static final String TOKEN = "bench-regulator-token";

    record Result(int requests, long events, long blocks, double indexSeconds, double eventsIndexedPerSecond,
                  int reportRequests, double reportSeconds, int reportJsonBytes, int reportPdfBytes,
                  int timelineQueries, double timelineMedianMillis, double timelineP99Millis, double writeSeconds) {
    }

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--requests", defaultValue = "25000",
            description = "Deletion requests on the ledger, four events each (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--report-requests", defaultValue = "10000",
            description = "Requests in the report's period (default: ${DEFAULT-VALUE}).")
    int reportRequests;

    @Option(names = "--timeline-queries", defaultValue = "2000", description = "GET /requests/{id} asked (default: ${DEFAULT-VALUE}).")
    int timelineQueries;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || reportRequests < 1 || reportRequests > requests || timelineQueries < 1) {
            spec.commandLine().getErr().println("need --requests ≥ --report-requests ≥ 1 and --timeline-queries ≥ 1");
            return 2;
        }
        // mined every second, like a Besu QBFT network, rather than a block per transaction
        try (LocalLedger ledger = LocalLedger.start(Optional.of(Duration.ofSeconds(1)))) {
            long writeStart = System.nanoTime();
            List<Bytes32> ids = writeHistory(ledger);
            double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
            long head;
            try (LedgerClient reader = ledger.reader()) {
                head = reader.blockNumber();
            }
            Map<String, String> settings = new HashMap<>();
            settings.put("lethe.ledger.rpc-url", ledger.rpcUrl());
            settings.put("lethe.ledger.contract-address", ledger.contractAddress());
            settings.put("lethe.auditor.reports.regulator-token", TOKEN);
            try (ServiceProcess auditor = ServiceProcess.start(ServiceProcess.AUDITOR, settings)) {
                ServiceClient client = new ServiceClient(auditor.baseUrl(), Optional.of(TOKEN));
                JsonNode index = client.await("/index", answer -> answer.path("indexedThroughBlock").asLong() >= head
                        && answer.path("lastCatchUp").isObject(), Duration.ofMinutes(20));
                JsonNode catchUp = index.path("lastCatchUp");
                long events = catchUp.path("events").asLong();
                double indexSeconds = catchUp.path("seconds").asDouble();

                Report report = report(client);
                double[] latencies = timelines(client, ids);
                Arrays.sort(latencies);
                BenchOutput.print(spec.commandLine().getOut(), new Result(requests, events, catchUp.path("blocks").asLong(),
                        BenchOutput.oneDecimal(indexSeconds), BenchOutput.oneDecimal(events / indexSeconds),
                        report.requests, BenchOutput.fourDecimals(report.seconds), report.jsonBytes, report.pdfBytes,
                        timelineQueries, BenchOutput.fourDecimals(latencies[latencies.length / 2]),
                        BenchOutput.fourDecimals(latencies[(int) Math.ceil(0.99 * latencies.length) - 1]),
                        BenchOutput.oneDecimal(writeSeconds)), json);
            }
        }
        return 0;
    }

    /**
     * Writes the history: per request a contribution, its deletion request (the first {@code reportRequests}
     * requested a second apart inside the report's period, the rest after it), its unlearning and its verdict.
     */
    private List<Bytes32> writeHistory(LocalLedger ledger) {
        List<Bytes32> ids = new ArrayList<>();
        try (LedgerClient provider = ledger.providerClient(); LedgerClient verifier = ledger.verifierClient()) {
            Bytes32 model = id("audit-bench-model");
            provider.registerModel(model);
            Bytes32 version = id("audit-bench-version-0");
            provider.recordCheckpoint(new Checkpoint(model, version, id("weights-0"), id("training-0"), id("transcript-0"), Optional.empty()));
            Instant first = periodStart();
            for (int from = 0; from < requests; from += ROUND) {
                int to = Math.min(requests, from + ROUND);
                List<LedgerWrite> anchoring = new ArrayList<>();
                List<DeletionRequest> round = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    Bytes32 subject = id("subject-" + i);
                    Contribution contribution = new Contribution(id("contribution-" + i), subject, 100);
                    DeletionRequest request = new DeletionRequest(id("request-" + i), subject,
                            contribution.contributionRoot(), first.plusSeconds(i));
                    anchoring.add(provider.writes().recordContribution(contribution));
                    anchoring.add(provider.writes().requestDeletion(request));
                    round.add(request);
                }
                provider.submitAll(anchoring);
                Bytes32 next = id("audit-bench-version-" + (from / ROUND + 1));
                provider.recordCheckpoint(new Checkpoint(model, next, id("weights-" + next), id("training-" + next), id("transcript-" + next),
                        Optional.of(version)));
                version = next;
                List<LedgerWrite> executions = new ArrayList<>();
                List<LedgerWrite> verdicts = new ArrayList<>();
                for (DeletionRequest request : round) {
                    executions.add(provider.writes().recordUnlearning(new Unlearning(request.requestId(), model, version,
                            UnlearningStrategy.SISA)));
                    // one verdict in a hundred is NOT_DELETED, so the report has violations to list
                    Verdict verdict = ids.size() % 100 == 99 ? Verdict.NOT_DELETED : Verdict.CERTIFIED;
                    verdicts.add(verifier.writes().recordVerification(request.requestId(), Optional.empty(),
                            new VerificationFigures(verdict, 6, verdict == Verdict.CERTIFIED ? 0 : 6, 1e-3, 1e-3,
                                    verdict == Verdict.CERTIFIED ? 0 : 1, -0.01, id("certificate-" + ids.size()),
                                    VerificationLayers.statisticsOnly(verdict == Verdict.CERTIFIED ? LayerState.PASSED
                                            : LayerState.FAILED))));
                    ids.add(request.requestId());
                }
                provider.submitAll(executions);
                verifier.submitAll(verdicts);
            }
        }
        return ids;
    }

    /** The first request's time: far enough back that every request lies before the ledger's clock. */
    private Instant periodStart() {
        return Instant.now().minusSeconds(requests + 3_600L);
    }

    private record Report(int requests, double seconds, int jsonBytes, int pdfBytes) {
    }

    private Report report(ServiceClient auditor) throws IOException, InterruptedException {
        Instant from = periodStart().minusSeconds(1);
        long start = System.nanoTime();
        JsonNode issued = auditor.post("/reports", Map.of("from", from.toString(),
                "to", from.plusSeconds(reportRequests).toString()));
        double seconds = (System.nanoTime() - start) / 1e9;
        byte[] json = auditor.bytes(issued.path("files").path("report.json").asText());
        byte[] pdf = auditor.bytes(issued.path("files").path("report.pdf").asText());
        int listed = new ObjectMapper().readTree(json).path("requests").size();
        return new Report(listed, seconds, json.length, pdf.length);
    }

    /** Milliseconds of each GET /requests/{id} for requests drawn at random. */
    private double[] timelines(ServiceClient client, List<Bytes32> ids) throws IOException, InterruptedException {
        Random random = new Random(1);
        for (int i = 0; i < 50; i++) {
            client.get("/requests/" + ids.get(random.nextInt(ids.size())).toHex());
        }
        double[] millis = new double[timelineQueries];
        for (int i = 0; i < timelineQueries; i++) {
            long start = System.nanoTime();
            client.get("/requests/" + ids.get(random.nextInt(ids.size())).toHex());
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }

    private static Bytes32 id(String text) {
        return HashAlgorithm.SHA_256.hash(("audit-bench:" + text).getBytes(StandardCharsets.UTF_8));
    }
}
