package org.lethe.modelservice.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.ml.data.Sample;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.replay.ShardTranscript;
import org.lethe.ml.replay.TrainingTranscript;
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
        return sliceHashes(CanonicalJson.parse(layout)).stream()
                .map(shard -> shard.stream().flatMap(List::stream).toList()).toList();
    }

    /**
     * The training transcript of a stored layout, trained slice by slice with {@code sliceTraining}: the layout
     * names every slice's samples and checkpoints, so the transcript is never stored beside it.
     */
    static TrainingTranscript transcript(String layout, TrainingConfig sliceTraining) {
        JsonNode json = CanonicalJson.parse(layout);
        List<List<List<Bytes32>>> slices = sliceHashes(json);
        List<ShardTranscript> shards = new ArrayList<>();
        for (int shard = 0; shard < slices.size(); shard++) {
            shards.add(ShardTranscript.ofHashes(shard, slices.get(shard), hashes(json.get("shardStates").get(shard)
                    .get("checkpoints"))));
        }
        return new TrainingTranscript(Architecture.valueOf(json.get("architecture").asText()),
                new SisaLayout(json.get("shards").asInt(), json.get("slices").asInt()), sliceTraining, shards);
    }

    /** Shard by shard, slice by slice, the sample hashes a layout names. */
    private static List<List<List<Bytes32>>> sliceHashes(JsonNode layout) {
        List<List<List<Bytes32>>> shards = new ArrayList<>();
        for (JsonNode state : layout.get("shardStates")) {
            List<List<Bytes32>> slices = new ArrayList<>();
            state.get("slices").forEach(slice -> slices.add(hashes(slice)));
            shards.add(slices);
        }
        return shards;
    }

    private static List<Bytes32> hashes(JsonNode array) {
        List<Bytes32> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(Bytes32.fromHex(hash.asText())));
        return hashes;
    }

    /**
     * One shard's slices with their samples, from a catalog that holds at least that shard's samples.
     *
     * @throws IllegalStateException if the layout names a sample the catalog lacks
     */
    static List<List<Sample>> shardSlices(String layout, int shard, Map<Bytes32, Sample> catalog) {
        return sliceHashes(CanonicalJson.parse(layout)).get(shard).stream()
                .map(slice -> slice.stream().map(hash -> sample(catalog, hash)).toList()).toList();
    }

    /**
     * @throws IllegalStateException if the layout names a sample the catalog lacks
     */
    static SisaModel decode(String layout, Map<Bytes32, Sample> catalog) {
        JsonNode json = CanonicalJson.parse(layout);
        List<List<List<Bytes32>>> slices = sliceHashes(json);
        List<ShardState> shards = new ArrayList<>();
        for (int shard = 0; shard < slices.size(); shard++) {
            shards.add(new ShardState(slices.get(shard).stream()
                    .map(slice -> slice.stream().map(hash -> sample(catalog, hash)).toList()).toList(),
                    hashes(json.get("shardStates").get(shard).get("checkpoints"))));
        }
        return new SisaModel(Architecture.valueOf(json.get("architecture").asText()),
                new SisaLayout(json.get("shards").asInt(), json.get("slices").asInt()), shards);
    }

    private static Sample sample(Map<Bytes32, Sample> catalog, Bytes32 hash) {
        Sample sample = catalog.get(hash);
        if (sample == null) {
            throw new IllegalStateException("stored model names sample " + hash + ", which is no longer in the training data");
        }
        return sample;
    }
}
