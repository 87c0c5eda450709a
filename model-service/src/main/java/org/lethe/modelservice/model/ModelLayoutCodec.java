package org.lethe.modelservice.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.sisa.ShardState;
import org.lethe.ml.sisa.SisaLayout;
import org.lethe.ml.sisa.SisaModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link SisaModel} as stored with its version: samples by hash, checkpoints by hash. */
final class ModelLayoutCodec {

    private ModelLayoutCodec() {
    }

    static String encode(SisaModel model) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("architecture", model.architecture().name());
        json.put("shards", model.layout().shards());
        json.put("slices", model.layout().slices());
        ArrayNode shards = json.putArray("shardStates");
        for (ShardState shard : model.shards()) {
            ObjectNode state = shards.addObject();
            ArrayNode slices = state.putArray("slices");
            for (List<Sample> slice : shard.slices()) {
                ArrayNode hashes = slices.addArray();
                slice.forEach(sample -> hashes.add(sample.hash().toHex()));
            }
            ArrayNode checkpoints = state.putArray("checkpoints");
            shard.sliceCheckpoints().forEach(hash -> checkpoints.add(hash.toHex()));
        }
        return json.toString();
    }

    /** Every sample hash a stored layout names: the version's training set. */
    static List<Bytes32> sampleHashes(String layout) {
        return shardSampleHashes(layout).stream().flatMap(List::stream).toList();
    }

    /** The sample hashes a stored layout names, shard by shard. */
    static List<List<Bytes32>> shardSampleHashes(String layout) {
        List<List<Bytes32>> shards = new ArrayList<>();
        for (JsonNode state : CanonicalJson.parse(layout).get("shardStates")) {
            List<Bytes32> hashes = new ArrayList<>();
            state.get("slices").forEach(slice -> slice.forEach(hash -> hashes.add(Bytes32.fromHex(hash.asText()))));
            shards.add(hashes);
        }
        return shards;
    }

    /**
     * @throws IllegalStateException if the layout names a sample the catalog lacks
     */
    static SisaModel decode(String layout, Map<Bytes32, Sample> catalog) {
        JsonNode json = CanonicalJson.parse(layout);
        List<ShardState> shards = new ArrayList<>();
        for (JsonNode state : json.get("shardStates")) {
            List<List<Sample>> slices = new ArrayList<>();
            for (JsonNode slice : state.get("slices")) {
                List<Sample> samples = new ArrayList<>();
                for (JsonNode hash : slice) {
                    Sample sample = catalog.get(Bytes32.fromHex(hash.asText()));
                    if (sample == null) {
                        throw new IllegalStateException("stored model names sample " + hash.asText()
                                + ", which is no longer in the training data");
                    }
                    samples.add(sample);
                }
                slices.add(samples);
            }
            List<Bytes32> checkpoints = new ArrayList<>();
            state.get("checkpoints").forEach(hash -> checkpoints.add(Bytes32.fromHex(hash.asText())));
            shards.add(new ShardState(slices, checkpoints));
        }
        return new SisaModel(Architecture.valueOf(json.get("architecture").asText()),
                new SisaLayout(json.get("shards").asInt(), json.get("slices").asInt()), shards);
    }
}
