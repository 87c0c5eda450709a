package org.lethe.verifier.served;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.lethe.evidence.document.SignedDocument;
import org.lethe.service.client.ServiceClient;
import org.lethe.service.client.TrainingSetQuery;
import org.lethe.verifier.service.VerifierSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The model service, reached like any client reaches it. */
@ApplicationScoped
public class ModelService {

    private final ServiceClient client;

    public ModelService(VerifierSettings settings) {
        this.client = new ServiceClient(settings.modelServiceUrl(), Optional.empty());
    }

    /** A fresh oracle over the prediction API, for one measurement. */
    public ServedModel served() {
        return new ServedModel(client);
    }

    public TrainingSetQuery trainingSet() {
        return new TrainingSetQuery(client);
    }

    /** Contributes a subject's signed samples as any subject does; answers the contribution's root. */
    public String contribute(SignedDocument samples) {
        return ask("/contributions", () -> client.post("/contributions", samples.toString())).path("contributionRoot")
                .asText();
    }

    /** The version the service says it serves now. */
    public String currentVersion() {
        return get("/model").path("versionHash").asText();
    }

    /** A deletion receipt (request, batch and inclusion proof), to be checked against the ledger; empty if unknown. */
    public Optional<JsonNode> deletion(String requestId) {
        return ask("/deletions/" + requestId, () -> client.find("/deletions/" + requestId));
    }

    /** A deletion batch's members (request and subject ids, in leaf order), to be checked against the ledger; empty if unknown. */
    public Optional<JsonNode> deletionBatch(String batchRoot) {
        String path = "/deletions/batches/" + batchRoot;
        return ask(path, () -> client.find(path));
    }

    private JsonNode get(String path) {
        return ask(path, () -> client.get(path));
    }

    private interface Call<T> {
        T run() throws IOException, InterruptedException;
    }

    private static <T> T ask(String path, Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException("the model service did not answer " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
