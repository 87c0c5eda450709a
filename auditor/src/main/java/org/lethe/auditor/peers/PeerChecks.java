package org.lethe.auditor.peers;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.lethe.auditor.rules.CertificateCheck;
import org.lethe.auditor.rules.ServedVersionCheck;
import org.lethe.evidence.document.DocumentVerificationException;
import org.lethe.evidence.document.MalformedDocumentException;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.document.SignedDocumentCodec;
import org.lethe.evidence.document.SignedDocumentVerifier;
import org.lethe.evidence.signature.Ed25519PublicKey;
import org.lethe.service.client.ServiceClient;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks the model service which version it serves and the verifier for the certificates the ledger has
 * hashes of, as any client would. An unreachable peer leaves the checks as they were.
 */
@ApplicationScoped
public class PeerChecks {

    private static final Logger LOG = Logger.getLogger(PeerChecks.class);

    private final Optional<ServiceClient> modelService;
    private final Optional<ServiceClient> verifier;
    private final CertificateStore certificates;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<ServedVersionCheck> served = new AtomicReference<>();
    private final AtomicReference<Ed25519PublicKey> verifierKey = new AtomicReference<>();

    public PeerChecks(PeerSettings settings, CertificateStore certificates) {
        this.modelService = settings.modelServiceUrl().map(url -> new ServiceClient(url, Optional.empty()));
        this.verifier = settings.verifierUrl().map(url -> new ServiceClient(url, Optional.empty()));
        this.certificates = certificates;
        settings.verifierPublicKey().map(Ed25519PublicKey::fromBase64).ifPresent(verifierKey::set);
    }

    @Scheduled(every = "${lethe.auditor.peers.check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() throws InterruptedException {
        checkAll();
    }

    /** Asks both peers now. */
    public synchronized void checkAll() throws InterruptedException {
        modelService.ifPresent(client -> served.set(askServedVersion(client)));
        if (verifier.isPresent()) {
            checkCertificates(verifier.get());
        }
    }

    /** The model service's last answer, if it has been asked. */
    public Optional<ServedVersionCheck> served() {
        return Optional.ofNullable(served.get());
    }

    private ServedVersionCheck askServedVersion(ServiceClient client) {
        Instant now = clock.instant();
        try {
            Optional<JsonNode> model = client.find("/model");
            return model.map(answer -> new ServedVersionCheck(now, Optional.of(answer.path("versionHash").asText()),
                            Optional.empty()))
                    .orElseGet(() -> new ServedVersionCheck(now, Optional.empty(), Optional.of("serves no model yet")));
        } catch (IOException | RuntimeException e) {
            return new ServedVersionCheck(now, Optional.empty(), Optional.of("model service unreachable: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ServedVersionCheck(now, Optional.empty(), Optional.of("interrupted"));
        }
    }

    private void checkCertificates(ServiceClient verifier) throws InterruptedException {
        Map<String, String> unsettled = certificates.unsettled();
        if (unsettled.isEmpty()) {
            return;
        }
        List<CertificateCheck> checks = new ArrayList<>();
        try {
            Ed25519PublicKey key = verifierKey.updateAndGet(pinned -> pinned != null ? pinned : fetchKey(verifier));
            for (Map.Entry<String, String> verification : unsettled.entrySet()) {
                checks.add(check(verifier, key, verification.getKey(), verification.getValue()));
            }
        } catch (IOException | IllegalStateException e) {
            LOG.warnf("verifier unreachable, %d certificates left unchecked: %s", unsettled.size() - checks.size(),
                    e.getMessage());
        } finally {
            certificates.save(checks);
        }
    }

    private static Ed25519PublicKey fetchKey(ServiceClient verifier) {
        try {
            Ed25519PublicKey key = Ed25519PublicKey.fromBase64(verifier.get("/verifier/key").path("publicKey").asText());
            LOG.infof("verifier key %s taken from the verifier and pinned", key.id());
            return key;
        } catch (IOException e) {
            throw new IllegalStateException("the verifier's key could not be read: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private CertificateCheck check(ServiceClient verifier, Ed25519PublicKey key, String requestId, String ledgerHash)
            throws IOException, InterruptedException {
        Instant now = clock.instant();
        Optional<JsonNode> certificate = verifier.find("/verifications/" + requestId)
                .map(answer -> answer.path("certificate")).filter(node -> node.isObject());
        if (certificate.isEmpty()) {
            return new CertificateCheck(requestId, now, CertificateCheck.Outcome.MISSING,
                    "the verifier serves no certificate for the request; the ledger holds hash " + ledgerHash,
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
        SignedDocument document;
        try {
            document = SignedDocumentCodec.fromJson(certificate.get());
        } catch (MalformedDocumentException e) {
            return new CertificateCheck(requestId, now, CertificateCheck.Outcome.BAD_SIGNATURE,
                    "the served certificate is not a signed document: " + e.getMessage(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        String servedHash = document.hash().toHex();
        if (!servedHash.equals(ledgerHash)) {
            return new CertificateCheck(requestId, now, CertificateCheck.Outcome.HASH_MISMATCH,
                    "the served certificate hashes to " + servedHash + ", the ledger holds " + ledgerHash, Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        try {
            SignedDocumentVerifier.verify(document, key);
        } catch (DocumentVerificationException e) {
            return new CertificateCheck(requestId, now, CertificateCheck.Outcome.BAD_SIGNATURE, e.getMessage(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
        return new CertificateCheck(requestId, now, CertificateCheck.Outcome.MATCHES,
                "hash " + ledgerHash + ", signed by verifier key " + key.id(), rateBefore(document.payload()),
                Optional.ofNullable(document.payload().path("reason").textValue()), membershipAuc(document.payload()));
    }

    /** The certificate's membership-inference AUC, when the verification ran it. */
    private static Optional<Double> membershipAuc(JsonNode certificate) {
        JsonNode auc = certificate.path("membership").path("liraAuc");
        return auc.isNumber() ? Optional.of(auc.asDouble()) : Optional.empty();
    }

    /** The calibration's hit rate at its plan's threshold: how often the trigger worked before the deletion. */
    private static Optional<Double> rateBefore(JsonNode certificate) {
        JsonNode calibration = certificate.path("calibration");
        JsonNode scores = calibration.path("backdoor").path("scores");
        JsonNode threshold = calibration.path("plan").path("threshold");
        if (!scores.isArray() || scores.isEmpty() || !threshold.isNumber()) {
            return Optional.empty();
        }
        long hits = 0;
        for (JsonNode score : scores) {
            hits += score.asDouble() > threshold.asDouble() ? 1 : 0;
        }
        return Optional.of((double) hits / scores.size());
    }
}
