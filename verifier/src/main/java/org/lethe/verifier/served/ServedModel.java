package org.lethe.verifier.served;

import com.fasterxml.jackson.databind.JsonNode;
import org.lethe.ml.data.Sample;
import org.lethe.service.client.ServiceClient;
import org.lethe.service.subject.SamplePayload;
import org.lethe.verifier.oracle.ModelOracle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The served model as any client sees it: the model service's prediction API. Every answer names the
 * version that gave it; one measurement must see one version only, or it measured two models.
 */
public final class ServedModel implements ModelOracle {

    /** Images per request, well under the service's limit. */
    private static final int CHUNK = 1_000;

    private final ServiceClient modelService;
    private final Set<String> versions = new LinkedHashSet<>();
    private long queries;

    public ServedModel(ServiceClient modelService) {
        this.modelService = modelService;
    }

    @Override
    public float[][] probabilities(List<Sample> images) {
        List<float[]> rows = new ArrayList<>(images.size());
        for (int start = 0; start < images.size(); start += CHUNK) {
            List<Sample> chunk = images.subList(start, Math.min(images.size(), start + CHUNK));
            JsonNode answer = ask(chunk);
            queries += chunk.size();
            versions.add(answer.path("versionHash").asText());
            for (JsonNode row : answer.path("probabilities")) {
                float[] probabilities = new float[Sample.CLASSES];
                for (int c = 0; c < Sample.CLASSES; c++) {
                    probabilities[c] = (float) row.path(c).asDouble();
                }
                rows.add(probabilities);
            }
        }
        if (rows.size() != images.size()) {
            throw new IllegalStateException("the model service answered " + rows.size() + " rows for " + images.size());
        }
        return rows.toArray(float[][]::new);
    }

    /** Images sent so far. */
    public long queries() {
        return queries;
    }

    /**
     * The one version that answered everything so far.
     *
     * @throws ServedVersionChangedException if the served version changed during the measurement
     */
    public String version() {
        if (versions.size() != 1) {
            throw new ServedVersionChangedException(List.copyOf(versions));
        }
        return versions.iterator().next();
    }

    private JsonNode ask(List<Sample> chunk) {
        try {
            List<String> encoded = chunk.stream().map(sample -> SamplePayload.of(sample).image()).toList();
            return modelService.post("/predictions", Map.of("images", encoded));
        } catch (IOException e) {
            throw new UncheckedIOException("the model service did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the model service", e);
        }
    }
}
