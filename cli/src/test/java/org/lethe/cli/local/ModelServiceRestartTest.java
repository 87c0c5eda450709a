package org.lethe.cli.local;

import org.lethe.service.process.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.service.subject.SubjectDocuments;
import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.evidence.merkle.MerkleProof;
import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.record.DeletionBatchTree;
import org.lethe.ledger.testing.AnvilLedger;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.service.client.ServiceClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged model service stopped and started again on the same data, as an operator would. */
class ModelServiceRestartTest {

    private static final String ADMIN_TOKEN = "restart-test-token";

    private static final Duration LIMIT = Duration.ofMinutes(1);

    @TempDir
    Path data;

    @Test
    void requestsTakenWhileTheLedgerIsDownReachItAfterAServiceRestart() throws Exception {
        try (AnvilLedger ledger = AnvilLedger.start()) {
            Map<String, String> settings = settings(ledger);
            SubjectDocuments subject = new SubjectDocuments(new DocumentSigner(Ed25519KeyPair.generate(new SecureRandom())));
            List<Sample> samples = FashionMnist.installed().train(20);
            List<SignedDocument> requests = new ArrayList<>();

            ledger.stopNode();
            try (ServiceProcess service = ServiceProcess.start(ServiceProcess.MODEL_SERVICE, settings, data)) {
                requests.addAll(contributeAndRequestDeletions(client(service), subject, samples, "restart-"));
            }
            ledger.startAgain();

            try (ServiceProcess service = ServiceProcess.start(ServiceProcess.MODEL_SERVICE, settings, data)) {
                LedgerClient chain = ledger.client(ledger.outsider());
                ServiceClient client = client(service);
                for (SignedDocument request : requests) {
                    JsonNode receipt = awaitSent(client, "/deletions/" + request.hash().toHex());
                    List<Bytes32> proof = new ArrayList<>();
                    receipt.path("batch").path("proof").forEach(node -> proof.add(Bytes32.fromHex(node.asText())));
                    assertTrue(chain.verifiesBatchInclusion(Bytes32.fromHex(receipt.path("batch").path("batchRoot").asText()),
                            request.hash(), new MerkleProof(DeletionBatchTree.leaf(request.hash()), proof)));
                }
                for (Sample sample : samples) {
                    assertTrue(chain.contribution(SubjectDocuments.contributionRoot(List.of(sample))).isPresent());
                }
            }
        }
    }

    /**
     * Killed with SIGKILL in the middle of a burst of deletions, the service leaves its embedded PostgreSQL running;
     * started again on the same data it stops that server, comes up, and every request it had acknowledged reaches
     * the ledger.
     */
    @Test
    void aServiceKilledMidBurstRestartsOnItsDataAndSendsEveryRequestItAcknowledged() throws Exception {
        try (AnvilLedger ledger = AnvilLedger.start()) {
            Map<String, String> settings = settings(ledger);
            SubjectDocuments subject = new SubjectDocuments(new DocumentSigner(Ed25519KeyPair.generate(new SecureRandom())));
            List<SignedDocument> acknowledged;

            try (ServiceProcess service = ServiceProcess.start(ServiceProcess.MODEL_SERVICE, settings, data)) {
                acknowledged = contributeAndRequestDeletions(client(service), subject, FashionMnist.installed().train(12),
                        "burst-");
                service.kill();
            }

            try (ServiceProcess service = ServiceProcess.start(ServiceProcess.MODEL_SERVICE, settings, data)) {
                ServiceClient client = client(service);
                for (SignedDocument request : acknowledged) {
                    awaitSent(client, "/deletions/" + request.hash().toHex());
                }
            }
        }
    }

    /**
     * Started while the ledger is down, the service loads its latest version but answers no prediction until the
     * ledger, back again, confirms that version's weights: what its database and files say is never served alone.
     */
    @Test
    void aVersionLoadedWhileTheLedgerIsDownAnswersOnlyOnceTheLedgerConfirmsIt() throws Exception {
        try (AnvilLedger ledger = AnvilLedger.start()) {
            Map<String, String> settings = settings(ledger);
            settings.put("lethe.model.ledger-recheck-interval", "500ms");
            LedgerClient chain = ledger.client(ledger.outsider());
            try (ServiceProcess service = ServiceProcess.start(ServiceProcess.MODEL_SERVICE, settings, data)) {
                Bytes32 version = Bytes32.fromHex(train(client(service)).path("versionHash").asText());
                awaitUntil("the version reaching the ledger", () -> chain.checkpoint(version).isPresent());
            }
            String query = CanonicalJson.toTree(Map.of("images",
                    List.of(Base64.getEncoder().encodeToString(FashionMnist.installed().test(1).get(0).image()))))
                    .toString();

            ledger.stopNode();
            try (ServiceProcess service = ServiceProcess.start(ServiceProcess.MODEL_SERVICE, settings, data)) {
                ServiceClient client = client(service);
                assertEquals(503, client.postStatus("/predictions", query));
                ledger.startAgain();
                awaitUntil("a prediction once the ledger is back", () -> postStatusUnchecked(client, query) == 200);
            }
        }
    }

    @Test
    void aTamperedCheckpointStopsTheServiceFromStartingLoudly() throws Exception {
        try (AnvilLedger ledger = AnvilLedger.start()) {
            Map<String, String> settings = settings(ledger);
            try (ServiceProcess service = ServiceProcess.start(ServiceProcess.MODEL_SERVICE, settings, data)) {
                train(client(service));
            }
            Path checkpoint;
            try (Stream<Path> files = Files.list(data.resolve("model-service").resolve("checkpoints"))) {
                checkpoint = files.filter(file -> file.toString().endsWith(".params")).findFirst().orElseThrow();
            }
            byte[] bytes = Files.readAllBytes(checkpoint);
            bytes[bytes.length - 2] ^= 0x04;
            Files.write(checkpoint, bytes);

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> ServiceProcess.start(ServiceProcess.MODEL_SERVICE, settings, data).close());

            assertTrue(refused.getMessage().contains("refusing to load it"), refused.getMessage());
        }
    }

    private static Map<String, String> settings(AnvilLedger ledger) {
        Map<String, String> settings = ServiceSettings.onLedger(ledger, ledger.provider());
        settings.put("lethe.admin.token", ADMIN_TOKEN);
        settings.put("lethe.model.base-samples", "800");
        settings.put("lethe.model.shards", "1");
        settings.put("lethe.model.slices", "1");
        settings.put("lethe.model.epochs-per-slice", "1");
        settings.put("lethe.outbox.poll-interval", "200ms");
        settings.put("lethe.outbox.initial-backoff", "200ms");
        settings.put("lethe.outbox.max-backoff", "1s");
        return settings;
    }

    /** One contribution per sample, then one acknowledged deletion request for each (a contribution is deleted once). */
    private static List<SignedDocument> contributeAndRequestDeletions(ServiceClient client, SubjectDocuments subject,
                                                                      List<Sample> samples, String nonces)
            throws Exception {
        List<SignedDocument> requests = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            List<Sample> contribution = List.of(samples.get(i));
            assertEquals(201, client.postStatus("/contributions", subject.samples(contribution).toString()));
            SignedDocument request = subject.deletion(List.of(SubjectDocuments.contributionRoot(contribution)), nonces + i);
            assertEquals(202, client.postStatus("/deletions", request.toString()));
            requests.add(request);
        }
        return requests;
    }

    /** Trains a version and returns the finished job. */
    private static JsonNode train(ServiceClient client) throws Exception {
        String job = client.post("/admin/training", "").get("jobId").asText();
        JsonNode done = client.await("/jobs/" + job,
                answer -> answer.path("status").asText().matches("SUCCEEDED|FAILED"), LIMIT);
        assertEquals("SUCCEEDED", done.path("status").asText(), done.toString());
        return done;
    }

    private static int postStatusUnchecked(ServiceClient client, String body) {
        try {
            return client.postStatus("/predictions", body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code done} holds; a wait that runs past {@link #LIMIT} fails the test as stuck. */
    private static void awaitUntil(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not happen in " + LIMIT);
            }
            Thread.sleep(200);
        }
    }

    private static ServiceClient client(ServiceProcess service) {
        return new ServiceClient(service.baseUrl(), Optional.of(ADMIN_TOKEN));
    }

    private static JsonNode awaitSent(ServiceClient client, String path) throws Exception {
        return client.await(path, answer -> "SENT".equals(answer.path("ledger").path("status").asText()), LIMIT);
    }
}
