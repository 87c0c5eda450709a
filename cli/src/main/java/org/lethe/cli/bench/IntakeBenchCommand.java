package org.lethe.cli.bench;

import org.lethe.cli.local.LocalLedger;
import org.lethe.service.process.ServiceProcess;
import org.lethe.service.subject.SubjectDocuments;
import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.event.EventQuery;
import org.lethe.ledger.event.LedgerEvent;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * {@code lethe bench intake}: signed deletion requests through the model service's REST API from
 * concurrent clients, against the packaged service with its embedded PostgreSQL and a fresh Anvil
 * node, after an untimed warm-up; then waits until every request (warm-up too) is anchored on chain.
 * {@code anchored} counts the requests in the chain's batches, read from its events.
 */
@Command(name = "intake", description = "Signed deletion requests per second through the REST API, all anchored on chain.")
final class IntakeBenchCommand implements Callable<Integer> {

    /** The figures, named as {@code docs/benchmarks.md} reports them. */
    record Result(int requests, int warmUpRequests, int clients, int subjects, double requestsPerSecond, double p50Millis,
                  double p99Millis, double maxMillis, int anchored, int batches, double anchoringSeconds) {
    }

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Option(names = "--requests", defaultValue = "5000", description = "Deletion requests sent (default: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clientCount;

    @Option(names = "--subjects", defaultValue = "100", description = "Subjects sending them (default: ${DEFAULT-VALUE}).")
    int subjects;

    @Option(names = "--warm-up", defaultValue = "2000",
            description = "Requests sent untimed first, to warm the service's JIT (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || clientCount < 1 || subjects < 1 || warmUp < 0) {
            spec.commandLine().getErr().println("--requests, --clients and --subjects must be positive, --warm-up not negative");
            return 2;
        }
        try (LocalLedger ledger = LocalLedger.start()) {
            Map<String, String> settings = ledger.serviceSettings();
            settings.put("lethe.model.base-samples", "0");
            try (ServiceProcess service = ServiceProcess.start(ServiceProcess.MODEL_SERVICE, settings);
                 LedgerClient reader = ledger.reader()) {
                HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clientCount)).build();
                List<String> bodies = prepare(http, service.baseUrl());
                awaitContributionsRecorded(reader, bodies.size());
                send(http, service.baseUrl(), bodies.subList(0, warmUp));
                List<String> timed = bodies.subList(warmUp, bodies.size());
                long start = System.nanoTime();
                long[] latencies = send(http, service.baseUrl(), timed);
                double seconds = (System.nanoTime() - start) / 1e9;
                long anchoringStart = System.nanoTime();
                int[] anchored = awaitAnchored(reader, warmUp + requests);
                double anchoringSeconds = (System.nanoTime() - anchoringStart) / 1e9;
                Arrays.sort(latencies);
                if (anchored[0] < warmUp + requests) {
                    spec.commandLine().getErr().println("only " + anchored[0] + " of " + (warmUp + requests)
                            + " requests reached the chain within two minutes");
                }
                BenchOutput.print(spec.commandLine().getOut(), new Result(requests, warmUp, clientCount, subjects,
                        BenchOutput.oneDecimal(requests / seconds), millis(latencies, 0.50), millis(latencies, 0.99),
                        millis(latencies, 1.0), anchored[0], anchored[1], BenchOutput.oneDecimal(anchoringSeconds)), json);
                return anchored[0] < warmUp + requests ? 1 : 0;
            }
        }
    }

    /**
     * One contribution of one real image per request, the subjects taking turns (a contribution is asked to be
     * deleted once); the deletion requests are signed before the clock starts.
     */
    private List<String> prepare(HttpClient http, String baseUrl) throws Exception {
        List<Sample> images = FashionMnist.installed().train(warmUp + requests);
        List<SubjectDocuments> documents = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (int s = 0; s < subjects; s++) {
            documents.add(new SubjectDocuments(new DocumentSigner(Ed25519KeyPair.generate(random))));
        }
        List<String> bodies = new ArrayList<>(warmUp + requests);
        for (int i = 0; i < warmUp + requests; i++) {
            SubjectDocuments subject = documents.get(i % subjects);
            List<Sample> contributed = List.of(images.get(i));
            HttpResponse<String> answer = http.send(post(baseUrl + "/contributions",
                    subject.samples(contributed).toString()), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 201) {
                throw new IllegalStateException("contribution refused: " + answer.body());
            }
            bodies.add(subject.deletion(List.of(SubjectDocuments.contributionRoot(contributed)), "bench-" + i).toString());
        }
        return bodies;
    }

    private long[] send(HttpClient http, String baseUrl, List<String> bodies) throws Exception {
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < bodies.size(); i++) {
            queue.add(i);
        }
        long[] latencies = new long[bodies.size()];
        AtomicInteger refused = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(clientCount);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clientCount; c++) {
                running.add(clients.submit(() -> {
                    Integer next;
                    while ((next = queue.poll()) != null) {
                        long sent = System.nanoTime();
                        HttpResponse<Void> answer = http.send(post(baseUrl + "/deletions", bodies.get(next)),
                                HttpResponse.BodyHandlers.discarding());
                        latencies[next] = System.nanoTime() - sent;
                        if (answer.statusCode() != 202) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdown();
        }
        if (refused.get() > 0) {
            throw new IllegalStateException(refused.get() + " deletion requests were refused");
        }
        return latencies;
    }

    /** Polls the chain until the anchored batches hold every request; returns {anchored, batches}. */
    /** The requests in the chain's anchored batches, and the batches, once they hold every one or two minutes pass. */
    private static int[] awaitAnchored(LedgerClient reader, int expected) throws InterruptedException {
        return awaitEvents(reader, LedgerEvent.DeletionBatchAnchored.class,
                event -> ((LedgerEvent.DeletionBatchAnchored) event).batch().count(), expected, Duration.ofMinutes(2));
    }

    /**
     * Waits, untimed, until the chain records every contribution: the deletions are measured against data recorded
     * long before, as in a deployment, and not against the outbox still sending the contributions.
     */
    private static void awaitContributionsRecorded(LedgerClient reader, int expected) throws InterruptedException {
        int recorded = awaitEvents(reader, LedgerEvent.ContributionRecorded.class, event -> 1, expected,
                Duration.ofMinutes(5))[0];
        if (recorded < expected) {
            throw new IllegalStateException("only " + recorded + " of " + expected + " contributions reached the chain "
                    + "within five minutes");
        }
    }

    /** The sum of {@code count} over the chain's events of one kind, and their number, once the sum reaches expected. */
    private static int[] awaitEvents(LedgerClient reader, Class<? extends LedgerEvent> kind,
                                     ToIntFunction<LedgerEvent> count, int expected, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            List<LedgerEvent> events = reader.events(EventQuery.all()).stream().filter(kind::isInstance).toList();
            int sum = events.stream().mapToInt(count).sum();
            if (sum >= expected || System.nanoTime() > deadline) {
                return new int[] {sum, events.size()};
            }
            Thread.sleep(500);
        }
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static double millis(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return BenchOutput.oneDecimal(sorted[Math.max(0, index)] / 1e6);
    }
}
