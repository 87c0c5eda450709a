package org.lethe.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.lethe.cli.local.LocalLedger;
import org.lethe.evidence.cms.DetachedSignature;
import org.lethe.evidence.cms.ReportSigningKey;
import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.document.SignedDocumentCodec;
import org.lethe.evidence.document.SignedDocumentVerifier;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.merkle.MerkleProof;
import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.evidence.signature.Ed25519PublicKey;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.event.EventQuery;
import org.lethe.ledger.event.LedgerEvent;
import org.lethe.ledger.record.Checkpoint;
import org.lethe.ledger.record.DeletionBatchTree;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.service.client.ServiceClient;
import org.lethe.service.client.TrainingSetQuery;
import org.lethe.service.process.ServiceProcess;
import org.lethe.service.subject.MarkedSamples;
import org.lethe.service.subject.SubjectDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code lethe demo}: the whole protocol on real components — a local ledger, the packaged model service
 * and verifier with their own PostgreSQL, SISA training on Fashion-MNIST — and a data subject who enrols,
 * contributes marked data, asks for deletion, gets a signed certificate from the verifier (its replay of the
 * unlearning and its tests of the served model), and checks from the ledger alone that the new model version lacks
 * their data; then a dishonest provider forgets only what looks like another subject's marks, which the black-box
 * tests cannot see and the replay catches.
 */
@Command(name = "demo", description = "Subjects contribute, a SISA model is trained, one subject is forgotten, "
        + "certified by the verifier, and checks it.")
public final class DemoCommand implements Callable<Integer> {

    private static final Duration JOB_LIMIT = Duration.ofMinutes(10);
    private static final int BOB = 1;
    private static final int CAROL = 2;
    private static final int EPOCHS_PER_SLICE = 2;
    private static final int REFERENCE_MODELS = 3;

    @Option(names = "--base-samples", defaultValue = "12000",
            description = "The provider's own Fashion-MNIST images (default: ${DEFAULT-VALUE}).")
    int baseSamples;

    @Option(names = "--shards", defaultValue = "4", description = "SISA shards (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--slices", defaultValue = "3", description = "Slices per shard (default: ${DEFAULT-VALUE}).")
    int slices;

    @Option(names = "--samples-per-subject", defaultValue = "300",
            description = "Images each subject contributes (default: ${DEFAULT-VALUE}).")
    int samplesPerSubject;

    @Option(names = "--report-directory",
            description = "Where the auditor's signed report is written (default: a new temporary directory).")
    Optional<Path> reportDirectory;

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
        // refused before a minute of training, not when the report is written at the end
        Optional<Path> notADirectory = reportDirectory.filter(path -> Files.exists(path) && !Files.isDirectory(path));
        if (notADirectory.isPresent()) {
            spec.commandLine().getErr().println("--report-directory " + notADirectory.get() + " is a file, not a directory");
            return 2;
        }
        List<Sample> train = FashionMnist.installed().train(baseSamples + 3 * samplesPerSubject);
        List<Sample> test = FashionMnist.installed().test(2_000);
        String adminToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        String operatorToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        String replayToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));

        step("1. A local ledger: Anvil (free gas, chain 1337) with the UnlearningLedger contract");
        try (LocalLedger ledger = LocalLedger.start(); LedgerClient chain = ledger.reader()) {
            say("contract %s, provider account %s", ledger.contractAddress(), ledger.providerAddress());

            step("2. The model service: packaged Quarkus app, embedded PostgreSQL, SISA S=%d R=%d", shards, slices);
            Map<String, String> settings = ledger.serviceSettings();
            settings.put("lethe.admin.token", adminToken);
            settings.put("lethe.replay.token", replayToken);
            settings.put("lethe.model.base-samples", Integer.toString(baseSamples));
            settings.put("lethe.model.shards", Integer.toString(shards));
            settings.put("lethe.model.slices", Integer.toString(slices));
            settings.put("lethe.model.epochs-per-slice", Integer.toString(EPOCHS_PER_SLICE));
            settings.put("lethe.outbox.poll-interval", "300ms");
            try (ServiceProcess process = ServiceProcess.start(ServiceProcess.MODEL_SERVICE, settings)) {
                ServiceClient subjectsView = new ServiceClient(process.baseUrl(), Optional.empty());
                ServiceClient operator = new ServiceClient(process.baseUrl(), Optional.of(adminToken));
                say("listening on %s (API: %s/q/swagger-ui)", process.baseUrl(), process.baseUrl());

                step("3. The verifier: its own packaged Quarkus app and PostgreSQL, its own ledger account");
                try (ServiceProcess verifierProcess = ServiceProcess.start(ServiceProcess.VERIFIER,
                        verifierSettings(ledger, process.baseUrl(), operatorToken, replayToken))) {
                    say("listening on %s; it will train %d reference models like the served one", verifierProcess.baseUrl(),
                            REFERENCE_MODELS);
                    ServiceClient verifier = new ServiceClient(verifierProcess.baseUrl(), Optional.empty());
                    ServiceClient verifierOperator = new ServiceClient(verifierProcess.baseUrl(), Optional.of(operatorToken));
                    JsonNode sentinels = verifierOperator.post("/sentinels", "");
                    say("it makes %d sentinel subjects of its own: enrolled, marked and contributed like anyone, never "
                            + "deleted, tested beside every deletion", sentinels.path("contributed").asInt());
                    run(train, test, ledger, chain, subjectsView, operator, verifier, verifierOperator);
                    audit(ledger, process.baseUrl(), verifierProcess.baseUrl());
                }
            }
        }
        return 0;
    }

    private Map<String, String> verifierSettings(LocalLedger ledger, String modelService, String operatorToken,
                                                 String replayToken) {
        Map<String, String> settings = ledger.verifierSettings();
        settings.put("lethe.verifier.model-service-url", modelService);
        settings.put("lethe.verifier.operator-token", operatorToken);
        settings.put("lethe.verifier.replay.model-service-token", replayToken);
        settings.put("lethe.verifier.triggers.vault-key",
                Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)));
        settings.put("lethe.verifier.ledger-poll-interval", "1s");
        // the f = 0.5: the service's 0.25 holds marking's accuracy cost down when every subject is marked;
        // here only Bob, Carol and the sentinels are, and with a quarter two demos of five ended INCONCLUSIVE (six of
        // six CERTIFIED at a half)
        settings.put("lethe.verifier.marking.fraction", "0.5");
        settings.put("lethe.verifier.shadows.shards", Integer.toString(shards));
        settings.put("lethe.verifier.shadows.slices", Integer.toString(slices));
        settings.put("lethe.verifier.shadows.epochs-per-slice", Integer.toString(EPOCHS_PER_SLICE));
        settings.put("lethe.verifier.shadows.models", Integer.toString(REFERENCE_MODELS));
        settings.put("lethe.verifier.reference.shadow-training", "4000");
        settings.put("lethe.verifier.reference.probe-images", "1500");
        settings.put("lethe.verifier.reference.non-members", "500");
        return settings;
    }

    private void run(List<Sample> train, List<Sample> test, LocalLedger ledger, LedgerClient chain,
                     ServiceClient service, ServiceClient operator, ServiceClient verifier, ServiceClient verifierOperator)
            throws Exception {
        step("4. Three subjects make Ed25519 keys; Bob and Carol enrol with the verifier, which commits to a secret "
                + "trigger for each on the ledger and marks half of their images; each contributes %d Fashion-MNIST "
                + "images, signed", samplesPerSubject);
        List<String> names = List.of("alice", "bob", "carol");
        List<SubjectDocuments> subjects = new ArrayList<>();
        List<List<Sample>> contributions = new ArrayList<>();
        List<List<Sample>> cleanSamples = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (int s = 0; s < names.size(); s++) {
            SubjectDocuments subject = new SubjectDocuments(new DocumentSigner(Ed25519KeyPair.generate(random)));
            List<Sample> original = train.subList(baseSamples + s * samplesPerSubject, baseSamples + (s + 1) * samplesPerSubject);
            List<Sample> samples = original;
            if (s == BOB || s == CAROL) {
                JsonNode enrolled = verifier.post("/subjects", subject.enrolment().toString());
                say("%-5s commitment %s… on chain in tx %s…", names.get(s), shortHex(enrolled.path("commitment").asText()),
                        shortHex(enrolled.path("transaction").asText()));
                samples = MarkedSamples.of(verifier.post("/subjects/" + subject.subjectId().toHex() + "/marking",
                        subject.samples(samples).toString()));
                say("%-5s %d of the %d images now carry the trigger; nobody but the verifier knows which", names.get(s),
                        samples.size() - MarkedSamples.unchanged(samples, original).size(), samples.size());
            }
            cleanSamples.add(MarkedSamples.unchanged(samples, original));
            JsonNode receipt = service.post("/contributions", subject.samples(samples).toString());
            JsonNode recorded = service.await("/contributions/" + receipt.get("contributionRoot").asText(),
                    answer -> "SENT".equals(answer.path("ledger").path("status").asText()), JOB_LIMIT);
            say("%-5s subject %s… contribution %s… on chain in tx %s…", names.get(s), shortHex(subject.subjectId().toHex()),
                    shortHex(receipt.get("contributionRoot").asText()), shortHex(recorded.path("ledger").path("txHash").asText()));
            subjects.add(subject);
            contributions.add(samples);
        }

        step("5. The provider trains: %d of its own images, then the contributions in arrival order", baseSamples);
        String firstVersion = awaitJob(operator, operator.post("/admin/training", "").get("jobId").asText());
        say("version %s…, test accuracy %.3f on %d held-out images", shortHex(firstVersion), accuracy(service, test),
                test.size());
        SubjectDocuments bob = subjects.get(BOB);
        List<Sample> bobsClean = cleanSamples.get(BOB);
        for (int s : List.of(BOB, CAROL)) {
            awaitVerifierJob(verifier, verifier.post("/subjects/" + subjects.get(s).subjectId().toHex() + "/calibration",
                    subjects.get(s).samples(cleanSamples.get(s)).toString()));
        }
        JsonNode calibration = verifier.get("/subjects/" + bob.subjectId().toHex() + "/calibration");
        JsonNode plan = calibration.path("figures").path("plan");
        say("the verifier calibrates on this version, asking it like any client: Bob's paired score %.2f, trigger label "
                        + "rate p̂ %.2f here against q̂ %.2f on its reference models; a verification %s",
                calibration.path("figures").path("backdoor").path("meanScore").asDouble(),
                calibration.path("figures").path("backdoor").path("targetHits").asDouble()
                        / calibration.path("figures").path("backdoor").path("probes").asDouble(),
                calibration.path("figures").path("backdoor").path("referenceHits").asDouble()
                        / calibration.path("figures").path("backdoor").path("referenceProbes").asDouble(),
                calibration.path("feasible").asBoolean() ? String.format("decides in about %.0f probes if the "
                        + "backdoor is gone, %.0f if kept, %d at most (α = β = %.0e)",
                        plan.path("sequentialTest").path("expectedProbesDeleted").asDouble(),
                        plan.path("sequentialTest").path("expectedProbesKept").asDouble(),
                        plan.path("maxProbes").asInt(), plan.path("alpha").asDouble())
                        : "cannot decide: " + calibration.path("reason").asText());
        JsonNode sentinels = verifierOperator.await("/sentinels", answer -> answer.path("calibrated").asInt()
                + answer.path("retired").asInt() == answer.path("contributed").asInt(), JOB_LIMIT);
        say("it calibrates Carol and its sentinels on the same version: %d can show their backdoors%s",
                sentinels.path("calibrated").asInt(), sentinels.path("retired").asInt() == 0 ? ""
                        : ", " + sentinels.path("retired").asInt() + " took too faintly and are retired");

        step("6. Bob asks for deletion: a signed request, receipted, anchored on the ledger in a Merkle batch");
        Bytes32 bobsRoot = SubjectDocuments.contributionRoot(contributions.get(BOB));
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
        JsonNode verification = verifier.post("/verifications", bob.verification(request.hash(), bobsClean).toString());
        say("Bob asks the verifier to check it; it waits for the ledger to record the execution");

        step("7. The provider unlearns by SISA: only Bob's shard retrains, from its last checkpoint before his data");
        long start = System.nanoTime();
        String secondVersion = awaitJob(operator, operator.post("/admin/unlearning", "").get("jobId").asText());
        say("version %s… (parent %s…) in %.1f s, test accuracy %.3f", shortHex(secondVersion), shortHex(firstVersion),
                (System.nanoTime() - start) / 1e9, accuracy(service, test));
        service.await("/deletions/" + request.hash().toHex(),
                answer -> "SENT".equals(answer.path("unlearningLedger").path("status").asText()), JOB_LIMIT);

        step("8. The verifier tests the served model for Bob's trigger and membership, signs, records on the ledger");
        awaitVerifierJob(verifier, verification);
        JsonNode verdict = verifier.get("/verifications/" + request.hash().toHex());
        SignedDocument certificate = SignedDocumentCodec.parse(verdict.path("certificate").toString());
        SignedDocumentVerifier.verify(certificate,
                Ed25519PublicKey.fromBase64(verifier.get("/verifier/key").path("publicKey").asText()));
        JsonNode backdoor = certificate.payload().path("backdoor");  // null when the plan could not decide
        say("%s: %s", verdict.path("verdict").asText(), certificate.payload().path("reason").asText());
        say("%d probe pairs asked; certificate %s… signed by the verifier (signature checked), recorded in tx %s…",
                backdoor.path("probes").asInt(), shortHex(verdict.path("certificateHash").asText()),
                shortHex(verdict.path("ledgerTransaction").asText()));
        say("layers: %s", layers(certificate.payload()));

        step("9. Bob checks, against the ledger alone, that the new version was trained without his images");
        Checkpoint before = chain.checkpoint(Bytes32.fromHex(firstVersion)).orElseThrow().value();
        Checkpoint after = chain.checkpoint(Bytes32.fromHex(secondVersion)).orElseThrow().value();
        say("absent from %s…: %d of %d images, each proof checked against the root on chain",
                shortHex(secondVersion), new TrainingSetQuery(service).provenAbsent(secondVersion, hashes(contributions.get(BOB)), after.trainingSetRoot()),
                samplesPerSubject);
        say("present in %s…: %d of %d images", shortHex(firstVersion),
                new TrainingSetQuery(service).provenPresent(firstVersion, hashes(contributions.get(BOB)), before.trainingSetRoot()), samplesPerSubject);

        step("10. Bob's deletion as the ledger tells it");
        for (LedgerEvent event : chain.events(EventQuery.all())) {
            describe(event, bob.subjectId(), bobsRoot, batchRoot).ifPresent(line -> say("block %-4d %s",
                    event.position().blockNumber(), line));
        }

        dishonestProvider(service, operator, verifier, subjects.get(CAROL), contributions.get(CAROL),
                cleanSamples.get(CAROL));
    }

    /**
     * Step 11: Carol asks for deletion and the provider cheats: it retrains without the images that look like the
     * verifier's marks, keeps the rest of her images, records a root without any of them and tells the ledger
     * 'sisa'. Her trigger is gone and membership finds nothing, so a black-box verifier would certify it; the
     * replay of the recorded unlearning catches it.
     */
    private void dishonestProvider(ServiceClient service, ServiceClient operator, ServiceClient verifier,
                                   SubjectDocuments carol, List<Sample> contribution, List<Sample> clean) throws Exception {
        step("11. A dishonest provider: Carol asks for deletion; the provider retrains without the images that look like "
                + "marks (bright pixels where its own images are dark), keeps her other images and tells the ledger 'sisa'");
        operator.put("/admin/strategy", Map.of("strategy", "marks-only"));
        SignedDocument request = carol.deletion(List.of(SubjectDocuments.contributionRoot(contribution)), "demo-2");
        service.post("/deletions", request.toString());
        service.await("/deletions/" + request.hash().toHex(),
                answer -> "SENT".equals(answer.path("ledger").path("status").asText()), JOB_LIMIT);
        JsonNode verification = verifier.post("/verifications", carol.verification(request.hash(), clean).toString());
        String version = awaitJob(operator, operator.post("/admin/unlearning", "").get("jobId").asText());
        say("version %s… recorded as a SISA deletion; the training-set root on chain claims Carol's images are gone",
                shortHex(version));
        awaitVerifierJob(verifier, verification);
        JsonNode verdict = verifier.get("/verifications/" + request.hash().toHex());
        JsonNode payload = verdict.path("certificate").path("payload");
        say("%s: %s", verdict.path("verdict").asText(), payload.path("reason").asText());
        say("layers: %s; recorded in tx %s…", layers(payload), shortHex(verdict.path("ledgerTransaction").asText()));
        say("%s", caughtBy(payload.path("layers")));
    }

    /** The certificate's four layers as one line. */
    private static String layers(JsonNode payload) {
        JsonNode layers = payload.path("layers");
        return String.format("data %s, computation (replay) %s, serving %s, statistics %s", layers.path("data").asText(),
                layers.path("computation").asText(), layers.path("serving").asText(), layers.path("statistics").asText());
    }

    /** The layers that failed, or else those that could not decide and so kept the certificate back. */
    private static String caughtBy(JsonNode layers) {
        List<String> failed = layersThatAre(layers, "FAILED");
        return failed.isEmpty() ? "not certified: the " + String.join(" and ", layersThatAre(layers, "UNDECIDED"))
                + " layer could not decide" : "caught by the " + String.join(" and ", failed) + " layer";
    }

    private static List<String> layersThatAre(JsonNode layers, String state) {
        List<String> named = new ArrayList<>();
        layers.properties().forEach(layer -> {
            if (state.equals(layer.getValue().asText())) {
                named.add(layer.getKey());
            }
        });
        return named;
    }

    /** Step 12: the auditor indexes the ledger, checks every rule and signs a report a regulator checks offline. */
    private void audit(LocalLedger ledger, String modelService, String verifierService) throws Exception {
        step("12. The auditor indexes the ledger, checks every rule against it and the services, signs a report");
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("lethe.ledger.rpc-url", ledger.rpcUrl());
        settings.put("lethe.ledger.contract-address", ledger.contractAddress());
        settings.put("lethe.auditor.index.poll-interval", "1s");
        settings.put("lethe.auditor.peers.model-service-url", modelService);
        settings.put("lethe.auditor.peers.verifier-url", verifierService);
        settings.put("lethe.auditor.peers.check-interval", "1s");
        settings.put("lethe.auditor.reports.regulator-token", token);
        try (ServiceProcess process = ServiceProcess.start(ServiceProcess.AUDITOR, settings)) {
            ServiceClient auditor = new ServiceClient(process.baseUrl(), Optional.of(token));
            // both verifications indexed, their certificates fetched and compared, the served version asked
            JsonNode summary = auditor.await("/summary", answer -> verified(answer) >= 2
                    && answer.path("certificatesChecked").asInt() >= verified(answer)
                    && answer.path("servedVersion").isTextual(), JOB_LIMIT);
            long violations = 0;
            for (JsonNode count : summary.path("violations")) {
                violations += count.asLong();
            }
            say("indexed through block %d; requests by status %s; %d violations of %d rules",
                    summary.path("index").path("indexedThroughBlock").asLong(), summary.path("requests"), violations,
                    summary.path("violations").size());
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            JsonNode receipt = auditor.post("/reports", Map.of("from", today.minusDays(1).toString(),
                    "to", today.plusDays(1).toString()));
            Path directory = reportDirectory.isPresent() ? Files.createDirectories(reportDirectory.get())
                    : Files.createTempDirectory("lethe-demo-report");
            for (String file : List.of("report.json", "report.json.p7s", "report.pdf", "report.pdf.p7s")) {
                Files.write(directory.resolve(file), auditor.bytes(receipt.path("files").path(file).asText()));
            }
            Path report = directory.resolve("report.json");
            Path certificate = Files.write(directory.resolve("auditor-report.crt"), auditor.bytes("/reports/certificate"));
            DetachedSignature.Checked checked = DetachedSignature.verify(Files.readAllBytes(report),
                    Files.readAllBytes(directory.resolve("report.json.p7s")),
                    Optional.of(ReportSigningKey.parseCertificate(Files.readString(certificate))));
            say("report %s… for %s to %s, signed by %s: signature checked", shortHex(receipt.path("id").asText()),
                    today.minusDays(1), today.plusDays(1), checked.signer());
            say("files in %s; a regulator checks them with: ./lethe report verify %s %s.p7s --certificate %s",
                    directory, report, report, certificate);
        }
    }

    /** Requests the auditor has seen verified, whatever the verdict. */
    private static int verified(JsonNode summary) {
        JsonNode requests = summary.path("requests");
        return requests.path("CERTIFIED").asInt() + requests.path("NOT_DELETED").asInt()
                + requests.path("INCONCLUSIVE").asInt();
    }

    private static void awaitVerifierJob(ServiceClient verifier, JsonNode started) throws Exception {
        JsonNode job = verifier.await("/jobs/" + started.path("jobId").asText(),
                answer -> answer.path("status").asText().matches("DONE|FAILED"), JOB_LIMIT);
        if (!"DONE".equals(job.path("status").asText())) {
            throw new IllegalStateException("verifier job failed: " + job.path("error").asText());
        }
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
        if (event instanceof LedgerEvent.TriggerCommitted t && t.commitment().subjectIdHash().equals(bob)) {
            return Optional.of("TriggerCommitted      " + shortHex(t.commitment().commitment().toHex())
                    + "… (by the verifier, before any training)");
        }
        if (event instanceof LedgerEvent.VerificationRecorded v) {
            return Optional.of("VerificationRecorded  " + v.verification().figures().verdict() + ", "
                    + v.verification().figures().probes() + " probes, certificate "
                    + shortHex(v.verification().figures().certificateHash().toHex()) + "…");
        }
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
