package org.lethe.verifier.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.ml.data.Sample;
import org.lethe.ml.replay.TrainingTranscript;
import org.lethe.ml.replay.TrainingTranscriptJson;
import org.lethe.service.client.ServiceClient;
import org.lethe.service.client.TrainingSetQuery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** The model service's replay API, asked with the verifier's replay token. Nothing it answers is trusted as such. */
final class ReplayMaterial {

    private final ServiceClient modelService;

    ReplayMaterial(String modelServiceUrl, String token) {
        this.modelService = new ServiceClient(modelServiceUrl, Optional.of(token));
    }

    /** The transcript the service hands over for a version; its root is for the caller to check. */
    TrainingTranscript transcript(Bytes32 version) throws IOException, InterruptedException {
        return TrainingTranscriptJson.fromJson(modelService.get("/replay/versions/" + version.toHex() + "/transcript"));
    }

    /**
     * A shard's samples, slice by slice, as the service says the version trained them.
     *
     * @throws IllegalArgumentException if a sample is not a 28×28 image with a label in 0..9
     */
    List<List<Sample>> slices(Bytes32 version, int shard) throws IOException, InterruptedException {
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

    /**
     * Which of the samples one of the version's shards holds, each proof checked against the shard's sample-set root
     * in the version's transcript.
     *
     * @throws org.lethe.evidence.merkle.MerkleProofException if a proof does not lead to that root
     */
    TrainingSetQuery.Proven shardSet(Bytes32 version, int shard, List<Bytes32> samples, Bytes32 sampleSetRoot)
            throws IOException, InterruptedException {
        return new TrainingSetQuery(modelService).proveAt("/replay/versions/" + version.toHex() + "/shards/" + shard
                + "/sample-set", samples, sampleSetRoot);
    }

    /**
     * Writes the parameter file the service hands over under a hash, once its bytes hash so.
     *
     * @throws IllegalStateException if they hash to something else (nothing is written)
     */
    Path checkpoint(Bytes32 hash, Path into) throws IOException, InterruptedException {
        byte[] bytes = modelService.bytes("/replay/checkpoints/" + hash.toHex());
        Bytes32 actual = HashAlgorithm.SHA_256.hash(bytes);
        if (!actual.equals(hash)) {
            throw new IllegalStateException("the checkpoint handed over as " + hash + " hashes to " + actual);
        }
        Files.createDirectories(into.getParent());
        return Files.write(into, bytes);
    }
}
