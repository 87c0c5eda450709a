package org.lethe.auditor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.lethe.evidence.document.DocumentSigner;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.signature.Ed25519KeyPair;
import org.lethe.evidence.signature.Ed25519PublicKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers the auditor's questions the way the model service ({@code GET /model}) and the verifier
 * ({@code GET /verifications/{id}}, {@code GET /verifier/key}) do, with certificates signed by a real
 * Ed25519 key; tests set what they serve.
 */
public final class PeerStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final DocumentSigner verifier = new DocumentSigner(Ed25519KeyPair.generate(new SecureRandom()));
    private final Map<String, SignedDocument> certificates = new ConcurrentHashMap<>();
    private volatile Optional<Bytes32> servedVersion = Optional.empty();
    private volatile boolean modelServiceDown;

    private PeerStub(HttpServer server) {
        this.server = server;
        server.createContext("/model", exchange -> {
            if (modelServiceDown) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            answer(exchange, servedVersion.map(version -> JSON.createObjectNode().put("versionHash", version.toHex())));
        });
        server.createContext("/verifications/", exchange -> {
            String requestId = exchange.getRequestURI().getPath().substring("/verifications/".length());
            answer(exchange, Optional.ofNullable(certificates.get(requestId)).map(certificate -> {
                ObjectNode view = JSON.createObjectNode().put("requestId", requestId);
                view.set("certificate", certificate.toJson());
                return view;
            }));
        });
        server.createContext("/verifier/key", exchange -> answer(exchange,
                Optional.of(JSON.createObjectNode().put("publicKey", verifier.publicKey().toBase64()))));
        server.start();
    }

    static PeerStub start() {
        try {
            return new PeerStub(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Ed25519PublicKey verifierKey() {
        return verifier.publicKey();
    }

    public void serve(Bytes32 version) {
        servedVersion = Optional.of(version);
        modelServiceDown = false;
    }

    /** The model service answers 503 to every question, as one that is down behind its proxy does. */
    public void takeModelServiceDown() {
        modelServiceDown = true;
    }

    /** Signs a certificate for the request with the verifier's key, serves it and returns its hash for the ledger. */
    public Bytes32 certify(Bytes32 requestId, String verdict) {
        return serveCertificate(requestId, verifier.sign(certificatePayload(requestId, verdict)));
    }

    /**
     * Signs and serves an INCONCLUSIVE certificate whose serving layer FAILED, as the verifier issues when the served
     * model hides its sentinels' backdoors; returns its hash for the ledger.
     */
    public Bytes32 certifyEvasion(Bytes32 requestId, String reason) {
        ObjectNode payload = certificatePayload(requestId, "INCONCLUSIVE").put("reason", reason);
        payload.putObject("layers").put("data", "PASSED").put("computation", "NOT_CHECKED").put("serving", "FAILED")
                .put("statistics", "PASSED");
        return serveCertificate(requestId, verifier.sign(payload));
    }

    /** Serves a certificate signed by another key, as a forger would. */
    public Bytes32 certifyWithForeignKey(Bytes32 requestId, String verdict) {
        DocumentSigner forger = new DocumentSigner(Ed25519KeyPair.generate(new SecureRandom()));
        return serveCertificate(requestId, forger.sign(certificatePayload(requestId, verdict)));
    }

    /** Replaces the served certificate with one whose verdict reads otherwise, properly signed. */
    public void rewrite(Bytes32 requestId, String verdict) {
        certificates.put(requestId.toHex(), verifier.sign(certificatePayload(requestId, verdict)));
    }

    private Bytes32 serveCertificate(Bytes32 requestId, SignedDocument certificate) {
        certificates.put(requestId.toHex(), certificate);
        return certificate.hash();
    }

    /** A certificate's payload with the parts the auditor reads: the calibration's scores and threshold. */
    /** The membership AUC a served certificate states, by verdict (an INCONCLUSIVE one states none). */
    public static final Map<String, Double> MEMBERSHIP_AUC = Map.of("CERTIFIED", 0.49, "NOT_DELETED", 0.71);

    private static ObjectNode certificatePayload(Bytes32 requestId, String verdict) {
        ObjectNode payload = JSON.createObjectNode().put("type", "lethe-deletion-certificate/2")
                .put("requestId", requestId.toHex()).put("verdict", verdict);
        ObjectNode calibration = payload.putObject("calibration");
        calibration.putObject("backdoor").putArray("scores").add(3.0).add(2.5).add(0.1).add(2.0);
        calibration.putObject("plan").put("threshold", 1.0);
        // a full verification ran membership inference: its AUC on the subject's samples, apart for each verdict
        if (MEMBERSHIP_AUC.containsKey(verdict)) {
            payload.putObject("membership").put("liraAuc", MEMBERSHIP_AUC.get(verdict));
        }
        return payload;
    }

    private static void answer(HttpExchange exchange, Optional<ObjectNode> body) throws IOException {
        byte[] bytes = body.map(ObjectNode::toString).orElse("{\"status\":404,\"detail\":\"not found\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(body.isPresent() ? 200 : 404, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
