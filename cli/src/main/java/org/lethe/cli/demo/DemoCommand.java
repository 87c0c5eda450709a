package org.lethe.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.lethe.cli.local.LocalLedger;
import org.lethe.service.process.ServiceProcess;
import org.lethe.cli.subject.SubjectDocuments;
import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.merkle.MerkleProof;
import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.event.EventQuery;
import org.lethe.ledger.event.LedgerEvent;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.DeletionBatchTree;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.service.client.ServiceClient;
import org.lethe.service.client.TrainingSetQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code lethe demo}: the whole provider side on real components — a local ledger, the packaged model
 * service with its own PostgreSQL, SISA training on Fashion-MNIST — and a data subject who contributes,
 * asks for deletion, and checks from the ledger alone that the new model version lacks their data.
 */
@Command(name = "demo", description = "Subjects contribute, a SISA model is trained, one subject is forgotten and checks it.")
public final class DemoCommand implements Callable<Integer> {

    private static final Duration JOB_LIMIT = Duration.ofMinutes(10);

    @Option(names = "--base-samples", defaultValue = "12000",
            description = "The provider's own Fashion-MNIST images (default: ${DEFAULT-VALUE}).")
    int baseSamples;

    @Option(names = "--shards", defaultValue = "4", description = "SISA shards (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--slices", defaultValue = "3", description = "Slices per shard (default: ${DEFAULT-VALUE}).")
    int slices;

    @Option(names = "--samples-per-subject", defaultValue = "150",
            description = "Images each subject contributes (default: ${DEFAULT-VALUE}).")
    int samplesPerSubject;

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        if (baseSamples < 0 || shards < 1 || slices < 1 || samplesPerSubject < 1) {
            spec.commandLine().getErr().println("sizes must be positive (--base-samples may be 0)");
            return 2;
        }
        List<Sample> train = FashionMnist.installed().train(baseSamples + 3 * samplesPerSubject);
        List<Sample> test = FashionMnist.installed().test(2_000);
        String adminToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

        step("1. A local ledger: Anvil (free gas, chain 1337) with the UnlearningLedger contract");
        try (LocalLedger ledger = LocalLedger.start(); LedgerClient chain = ledger.reader()) {
            say("contract %s, provider account %s", ledger.contractAddress(), ledger.providerAddress());

            step("2. The model service: packaged Quarkus app, embedded PostgreSQL, SISA S=%d R=%d", shards, slices);
            Map<String, String> settings = ledger.serviceSettings();
            settings.put("lethe.admin.token", adminToken);
            settings.put("lethe.model.base-samples", Integer.toString(baseSamples));
            settings.put("lethe.model.shards", Integer.toString(shards));
            settings.put("lethe.model.slices", Integer.toString(slices));
            settings.put("lethe.model.epochs-per-slice", "2");
            settings.put("lethe.outbox.poll-interval", "300ms");
            try (ServiceProcess process = ServiceProcess.start(ServiceProcess.MODEL_SERVICE, settings)) {
                ServiceClient subjectsView = new ServiceClient(process.baseUrl(), Optional.empty());
                ServiceClient operator = new ServiceClient(process.baseUrl(), Optional.of(adminToken));
                say("listening on %s (API: %s/q/swagger-ui)", process.baseUrl(), process.baseUrl());
                run(train, test, ledger, chain, subjectsView, operator);
            }
        }
        return 0;
    }

    private void run(List<Sample> train, List<Sample> test, LocalLedger ledger, LedgerClient chain,
                     ServiceClient service, ServiceClient operator) throws Exception {
        step("3. Three subjects make Ed25519 keys and contribute %d Fashion-MNIST images each, signed", samplesPerSubject);
        List<String> names = List.of("alice", "bob", "carol");
        List<SubjectDocuments> subjects = new ArrayList<>();
        List<List<Sample>> contributions = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (int s = 0; s < names.size(); s++) {
            SubjectDocuments subject = new SubjectDocuments(new DocumentSigner(Ed25519KeyPair.generate(random)));
            List<Sample> samples = train.subList(baseSamples + s * samplesPerSubject, baseSamples + (s + 1) * samplesPerSubject);
            JsonNode receipt = service.post("/contributions", subject.contribution(samples).toString());
            JsonNode recorded = service.await("/contributions/" + receipt.get("contributionRoot").asText(),
                    answer -> "SENT".equals(answer.path("ledger").path("status").asText()), JOB_LIMIT);
            say("%-5s subject %s… contribution %s… on chain in tx %s…", names.get(s), shortHex(subject.subjectId().toHex()),
                    shortHex(receipt.get("contributionRoot").asText()), shortHex(recorded.path("ledger").path("txHash").asText()));
            subjects.add(subject);
            contributions.add(samples);
        }

        step("4. The provider trains: %d of its own images, then the contributions in arrival order", baseSamples);
        String firstVersion = awaitJob(operator, operator.post("/admin/training", "").get("jobId").asText());
        say("version %s…, test accuracy %.3f on %d held-out images", shortHex(firstVersion), accuracy(service, test),
                test.size());

        step("5. Bob asks for deletion: a signed request, receipted, anchored on the ledger in a Merkle batch");
        SubjectDocuments bob = subjects.get(1);
        Bytes32 bobsRoot = SubjectDocuments.contributionRoot(contributions.get(1));
        SignedDocument request = bob.deletion(List.of(bobsRoot), "demo-1");
        service.post("/deletions", request.toString());
        JsonNode anchored = service.await("/deletions/" + request.hash().toHex(),
                answer -> "SENT".equals(answer.path("ledger").path("status").asText()), JOB_LIMIT);
        Bytes32 batchRoot = Bytes32.fromHex(anchored.path("batch").path("batchRoot").asText());
        List<Bytes32> siblings = new ArrayList<>();
        anchored.path("batch").path("proof").forEach(node -> siblings.add(Bytes32.fromHex(node.asText())));
        boolean included = chain.verifiesBatchInclusion(batchRoot, request.hash(),
                new MerkleProof(DeletionBatchTree.leaf(request.hash()), siblings));
        say("request %s…, batch %s…, the contract accepts Bob's inclusion proof: %s", shortHex(request.hash().toHex()),
                shortHex(batchRoot.toHex()), included);

        step("6. The provider unlearns by SISA: only Bob's shard retrains, from its last checkpoint before his data");
        long start = System.nanoTime();
        String secondVersion = awaitJob(operator, operator.post("/admin/unlearning", "").get("jobId").asText());
        say("version %s… (parent %s…) in %.1f s, test accuracy %.3f", shortHex(secondVersion), shortHex(firstVersion),
                (System.nanoTime() - start) / 1e9, accuracy(service, test));
        service.await("/deletions/" + request.hash().toHex(),
                answer -> "SENT".equals(answer.path("unlearningLedger").path("status").asText()), JOB_LIMIT);

        step("7. Bob checks, against the ledger alone, that the new version was trained without his images");
        Checkpoint before = chain.checkpoint(Bytes32.fromHex(firstVersion)).orElseThrow().value();
        Checkpoint after = chain.checkpoint(Bytes32.fromHex(secondVersion)).orElseThrow().value();
        say("absent from %s…: %d of %d images, each proof checked against the root on chain",
                shortHex(secondVersion), new TrainingSetQuery(service).provenAbsent(secondVersion, hashes(contributions.get(1)), after.trainingSetRoot()),
                samplesPerSubject);
        say("present in %s…: %d of %d images", shortHex(firstVersion),
                new TrainingSetQuery(service).provenPresent(firstVersion, hashes(contributions.get(1)), before.trainingSetRoot()), samplesPerSubject);

        step("8. Bob's deletion as the ledger tells it");
        for (LedgerEvent event : chain.events(EventQuery.all())) {
            describe(event, bob.subjectId(), bobsRoot, batchRoot).ifPresent(line -> say("block %-4d %s",
                    event.position().blockNumber(), line));
        }
        step("Next (verifier issue): Bob's secret backdoor trigger and a signed certificate of deletion.");
    }

    private String awaitJob(ServiceClient operator, String jobId) throws Exception {
        JsonNode job = operator.await("/jobs/" + jobId, answer -> answer.path("status").asText().matches("SUCCEEDED|FAILED"),
                JOB_LIMIT);
        if (!"SUCCEEDED".equals(job.path("status").asText())) {
            throw new IllegalStateException("job " + jobId + " failed: " + job.path("error").asText());
        }
        return job.get("versionHash").asText();
    }

    private static double accuracy(ServiceClient service, List<Sample> test) throws Exception {
        JsonNode answer = service.post("/predictions", Map.of("images",
                test.stream().map(sample -> Base64.getEncoder().encodeToString(sample.image())).toList()));
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            JsonNode row = answer.get("probabilities").get(i);
            int best = 0;
            for (int c = 1; c < row.size(); c++) {
                if (row.get(c).asDouble() > row.get(best).asDouble()) {
                    best = c;
                }
            }
            correct += best == test.get(i).label() ? 1 : 0;
        }
        return (double) correct / test.size();
    }

    private static List<Bytes32> hashes(List<Sample> samples) {
        return samples.stream().map(Sample::hash).toList();
    }

    private static Optional<String> describe(LedgerEvent event, Bytes32 bob, Bytes32 bobsRoot, Bytes32 batchRoot) {
        if (event instanceof LedgerEvent.ContributionRecorded c && c.contribution().subjectIdHash().equals(bob)) {
            return Optional.of("ContributionRecorded  " + shortHex(bobsRoot.toHex()) + "… ("
                    + c.contribution().sampleCount() + " samples)");
        }
        if (event instanceof LedgerEvent.CheckpointRecorded c) {
            return Optional.of("CheckpointRecorded    version " + shortHex(c.checkpoint().versionHash().toHex())
                    + "…, training-set root " + shortHex(c.checkpoint().trainingSetRoot().toHex()) + "…");
        }
        if (event instanceof LedgerEvent.DeletionBatchAnchored b && b.batch().batchRoot().equals(batchRoot)) {
            return Optional.of("DeletionBatchAnchored " + shortHex(batchRoot.toHex()) + "… (" + b.batch().count()
                    + " request)");
        }
        if (event instanceof LedgerEvent.UnlearningRecorded u && u.unlearning().target().equals(batchRoot)) {
            return Optional.of("UnlearningRecorded    batch → version " + shortHex(u.unlearning().newVersion().toHex())
                    + "… by " + u.unlearning().strategy());
        }
        return Optional.empty();
    }

    private void step(String format, Object... args) {
        out.println();
        out.println("== " + String.format(format, args));
        out.flush();
    }

    private void say(String format, Object... args) {
        out.println("   " + String.format(format, args));
        out.flush();
    }

    private static String shortHex(String hex) {
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
