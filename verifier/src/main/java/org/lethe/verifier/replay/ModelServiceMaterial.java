package org.lethe.verifier.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.ml.data.Sample;
import org.lethe.service.client.ServiceClient;
import org.lethe.service.client.TrainingSetQuery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The model service's replay API, asked with the verifier's replay token. */
public final class ModelServiceMaterial implements ReplayMaterial {

    private final ServiceClient modelService;

    public ModelServiceMaterial(String modelServiceUrl, String token) {
        this.modelService = new ServiceClient(modelServiceUrl, Optional.of(token));
    }

    @Override
    public JsonNode transcript(Bytes32 version) throws IOException, InterruptedException {
        return modelService.get("/replay/versions/" + version.toHex() + "/transcript");
    }

    @Override
    public List<List<Sample>> slices(Bytes32 version, int shard) throws IOException, InterruptedException {
        JsonNode answer = modelService.get("/replay/versions/" + version.toHex() + "/shards/" + shard + "/slices");
        List<List<Sample>> slices = new ArrayList<>();
        for (JsonNode slice : answer.path("slices")) {
            List<Sample> samples = new ArrayList<>();
            for (JsonNode sample : slice) {
                if (!sample.path("image").isTextual() || !sample.path("label").isInt()) {
                    throw new IllegalArgumentException("a slice sample needs a base64 image and an integer label: " + sample);
                }
                samples.add(new Sample("replay-" + shard + "-" + samples.size(),
                        Base64.getDecoder().decode(sample.path("image").asText()), sample.path("label").intValue()));
            }
            slices.add(samples);
        }
        return slices;
    }

    @Override
    public TrainingSetQuery.Proven shardSet(Bytes32 version, int shard, List<Bytes32> samples, Bytes32 sampleSetRoot)
            throws IOException, InterruptedException {
        return new TrainingSetQuery(modelService).proveAt("/replay/versions/" + version.toHex() + "/shards/" + shard
                + "/sample-set", samples, sampleSetRoot);
    }

    @Override
    public byte[] checkpoint(Bytes32 hash) throws IOException, InterruptedException {
        return modelService.bytes("/replay/checkpoints/" + hash.toHex());
    }
}
