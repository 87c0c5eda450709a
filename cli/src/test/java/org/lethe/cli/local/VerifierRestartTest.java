package org.lethe.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.ledger.LedgerClient;
import org.lethe.ledger.event.EventQuery;
import org.lethe.ledger.event.LedgerEvent;
import org.lethe.ledger.record.LedgerRole;
import org.lethe.ledger.testing.AnvilLedger;
import org.lethe.ml.data.FashionMnist;
import org.lethe.ml.data.Sample;
import org.lethe.service.client.ServiceClient;
import org.lethe.service.process.ServiceProcess;
import org.lethe.service.subject.MarkedSamples;
import org.lethe.service.subject.SubjectDocuments;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged verifier killed with SIGKILL between storing a signed certificate and recording it on the ledger:
 * started again on the same data, it records that same certificate, once.
 */
class VerifierRestartTest {

    private static final Duration LIMIT = Duration.ofMinutes(4);
    private static final String ADMIN_TOKEN = "verifier-restart-admin";
    private static final int BASE_SAMPLES = 4_000;
    private static final int SUBJECT_SAMPLES = 400;

    @TempDir
    Path verifierData;

    @Test
    void aCertificateStoredBeforeAKillIsRecordedOnceAfterTheRestart() throws Exception {
        try (AnvilLedger ledger = AnvilLedger.start();
             ServiceProcess modelService = ServiceProcess.start(ServiceProcess.MODEL_SERVICE, modelServiceSettings(ledger))) {
            ServiceClient provider = new ServiceClient(modelService.baseUrl(), Optional.of(ADMIN_TOKEN));
            Map<String, String> verifierSettings = verifierSettings(ledger, modelService.baseUrl());
            SubjectDocuments subject = new SubjectDocuments(new DocumentSigner(Ed25519KeyPair.generate(new SecureRandom())));
            List<Sample> original = FashionMnist.installed().train(BASE_SAMPLES + SUBJECT_SAMPLES)
                    .subList(BASE_SAMPLES, BASE_SAMPLES + SUBJECT_SAMPLES);
            LedgerClient admin = ledger.client(ledger.admin());
            String verifierAccount = ledger.verifier().getAddress();
            Bytes32 requestId;
            JsonNode stored;

            try (ServiceProcess verifierProcess = ServiceProcess.start(ServiceProcess.VERIFIER, verifierSettings,
                    verifierData)) {
                ServiceClient verifier = new ServiceClient(verifierProcess.baseUrl(), Optional.empty());
                verifier.post("/subjects", subject.enrolment().toString());
                List<Sample> marked = MarkedSamples.of(verifier.post("/subjects/" + subject.subjectId().toHex() + "/marking",
                        subject.samples(original).toString()));
                provider.post("/contributions", subject.samples(marked).toString());
                awaitProviderJob(provider, provider.post("/admin/training", ""));
                JsonNode calibration = awaitVerifierJob(verifier, verifier.post("/subjects/"
                        + subject.subjectId().toHex() + "/calibration", subject.samples(MarkedSamples.unchanged(marked, original)).toString()));
                assertEquals("DONE", calibration.path("status").asText(), calibration.toString());

                SignedDocument deletion = subject.deletion(List.of(SubjectDocuments.contributionRoot(marked)), "kill-1");
                requestId = deletion.hash();
                provider.post("/deletions", deletion.toString());
                provider.await("/deletions/" + requestId.toHex(),
                        answer -> "SENT".equals(answer.path("ledger").path("status").asText()), LIMIT);
                // the verifier's account cannot write while it measures: the kept backdoor's certificate waits
                admin.revokeRole(LedgerRole.VERIFIER, verifierAccount);
                awaitProviderJob(provider, provider.post("/admin/unlearning", ""));
                stored = verifier.await("/verifications/" + requestId.toHex(),
                        answer -> answer.path("certificate").isObject(), LIMIT);
                assertTrue(stored.path("ledgerTransaction").isNull() || stored.path("ledgerTransaction").isMissingNode(),
                        stored.toString());
                assertEquals("NOT_DELETED", stored.path("verdict").asText());
                verifierProcess.kill();
            }
            assertTrue(ledger.client(ledger.outsider()).verification(requestId).isEmpty(), "nothing on chain yet");
            admin.grantRole(LedgerRole.VERIFIER, verifierAccount);

            try (ServiceProcess restarted = ServiceProcess.start(ServiceProcess.VERIFIER, verifierSettings, verifierData)) {
                ServiceClient verifier = new ServiceClient(restarted.baseUrl(), Optional.empty());
                JsonNode recorded = verifier.await("/verifications/" + requestId.toHex(),
                        answer -> answer.path("ledgerTransaction").isTextual(), LIMIT);
                assertEquals(stored.path("certificate"), recorded.path("certificate"), "the stored certificate, not a new one");
                LedgerClient chain = ledger.client(ledger.outsider());
                assertEquals(Bytes32.fromHex(stored.path("certificateHash").asText()),
                        chain.verification(requestId).orElseThrow().value().figures().certificateHash());
                assertEquals(1, chain.events(EventQuery.byRequest(requestId)).stream()
                        .filter(LedgerEvent.VerificationRecorded.class::isInstance).count(), "recorded once");
            }
        }
    }

    private static Map<String, String> modelServiceSettings(AnvilLedger ledger) {
        Map<String, String> settings = ServiceSettings.onLedger(ledger, ledger.provider());
        settings.put("lethe.admin.token", ADMIN_TOKEN);
        settings.put("lethe.model.base-samples", Integer.toString(BASE_SAMPLES));
        settings.put("lethe.model.shards", "2");
        settings.put("lethe.model.slices", "2");
        settings.put("lethe.model.epochs-per-slice", "6");
        // keeps every weight: the verifier's backdoor test finds the subject's trigger and records NOT_DELETED
        settings.put("lethe.model.unlearning-strategy", "none");
        settings.put("lethe.outbox.poll-interval", "300ms");
        return settings;
    }

    /** The settings of the verifier flow test's small model: the same on both starts, its vault key included. */
    private static Map<String, String> verifierSettings(AnvilLedger ledger, String modelService) {
        Map<String, String> settings = ServiceSettings.onLedger(ledger, ledger.verifier());
        settings.put("lethe.verifier.model-service-url", modelService);
        byte[] vaultKey = new byte[32];
        new SecureRandom().nextBytes(vaultKey);
        settings.put("lethe.verifier.triggers.vault-key", Base64.getEncoder().encodeToString(vaultKey));
        settings.put("lethe.verifier.ledger-poll-interval", "1s");
        settings.put("lethe.verifier.sentinels.count", "0");
        settings.put("lethe.verifier.marking.fraction", "0.5");
        settings.put("lethe.verifier.marking.max-samples", Integer.toString(SUBJECT_SAMPLES));
        settings.put("lethe.verifier.statistics.null-probes-per-trigger", "16");
        settings.put("lethe.verifier.statistics.calibration-probes", "128");
        settings.put("lethe.verifier.statistics.null-triggers", "16");
        settings.put("lethe.verifier.shadows.shards", "2");
        settings.put("lethe.verifier.shadows.slices", "2");
        settings.put("lethe.verifier.shadows.epochs-per-slice", "6");
        settings.put("lethe.verifier.shadows.models", "3");
        settings.put("lethe.verifier.reference.shadow-training", "4000");
        settings.put("lethe.verifier.reference.probe-images", "1500");
        settings.put("lethe.verifier.reference.non-members", "300");
        return settings;
    }

    private static void awaitProviderJob(ServiceClient provider, JsonNode started) throws Exception {
        JsonNode job = provider.await("/jobs/" + started.path("jobId").asText(),
                answer -> answer.path("status").asText().matches("SUCCEEDED|FAILED"), LIMIT);
        assertEquals("SUCCEEDED", job.path("status").asText(), job.toString());
    }

    private static JsonNode awaitVerifierJob(ServiceClient verifier, JsonNode started) throws Exception {
        return verifier.await("/jobs/" + started.path("jobId").asText(),
                answer -> answer.path("status").asText().matches("DONE|FAILED"), LIMIT);
    }
}
