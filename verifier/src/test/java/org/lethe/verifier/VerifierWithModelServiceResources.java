package org.lethe.verifier;

import org.lethe.service.process.ServiceProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The verifier's test resources plus the real model service, packaged and run as its own process on the
 * same ledger (as the provider), with a small SISA model; the verifier's reference models are trained
 * the same way.
 */
public class VerifierWithModelServiceResources extends VerifierTestResources {

    /** The model service's operator token in tests. */
    public static final String ADMIN_TOKEN = "flow-admin-token";
    /** The model service's replay token, held by the verifier. */
    public static final String REPLAY_TOKEN = "flow-replay-token";
    /** Base images the provider trains on: the first this many Fashion-MNIST training images. */
    public static final int BASE_SAMPLES = 4_000;

    private static ServiceProcess modelService;

    public static String modelServiceUrl() {
        return modelService.baseUrl();
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>(super.start());
        Map<String, String> provider = new LinkedHashMap<>();
        provider.put("lethe.ledger.rpc-url", ledger().node().rpcUrl());
        provider.put("lethe.ledger.contract-address", ledger().contractAddress());
        provider.put("lethe.ledger.account-key", ledger().provider().getEcKeyPair().getPrivateKey().toString(16));
        provider.put("lethe.ledger.receipt-poll-interval", "5ms");
        provider.put("lethe.outbox.poll-interval", "1s");
        provider.put("lethe.outbox.initial-backoff", "200ms");
        provider.put("lethe.admin.token", ADMIN_TOKEN);
        provider.put("lethe.replay.token", REPLAY_TOKEN);
        provider.put("lethe.model.shards", "2");
        provider.put("lethe.model.slices", "2");
        provider.put("lethe.model.epochs-per-slice", "6");
        provider.put("lethe.model.base-samples", Integer.toString(BASE_SAMPLES));
        try {
            modelService = ServiceProcess.start(ServiceProcess.MODEL_SERVICE, provider);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        config.put("lethe.verifier.model-service-url", modelService.baseUrl());
        config.put("lethe.verifier.ledger-poll-interval", "1s");
        config.put("lethe.verifier.replay.model-service-token", REPLAY_TOKEN);
        // the f = 0.5 (the service's default is 0.25) and 6 epochs per slice step: with 100 marks and 3
        // epochs, the small two-shard model learnt a subject's trigger too faintly to decide against the null's
        // measured tails in one run of three (5 of 5 runs decided with these settings)
        config.put("lethe.verifier.marking.fraction", "0.5");
        // a null of 256 probes (16 unused triggers, below, × 16) and 128 calibration probes (p bounded on 64):
        // bounds on q and p tight enough for this small model
        config.put("lethe.verifier.statistics.null-probes-per-trigger", "16");
        config.put("lethe.verifier.statistics.calibration-probes", "128");
        config.put("lethe.verifier.shadows.shards", "2");
        config.put("lethe.verifier.shadows.slices", "2");
        config.put("lethe.verifier.shadows.epochs-per-slice", "6");
        config.put("lethe.verifier.shadows.models", "3");
        config.put("lethe.verifier.reference.shadow-training", "4000");
        config.put("lethe.verifier.reference.probe-images", "1500");
        config.put("lethe.verifier.reference.non-members", "300");
        config.put("lethe.verifier.statistics.null-triggers", "16");
        // sentinels contribute as many images as the test's subjects (from the test images after the 5,800 above)
        config.put("lethe.verifier.sentinels.samples-each", "400");
        return config;
    }

    @Override
    public void stop() {
        if (modelService != null) {
            modelService.close();
        }
        super.stop();
    }
}
