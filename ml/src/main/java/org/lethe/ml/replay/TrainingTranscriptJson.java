package org.lethe.ml.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.json.InvalidJsonException;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.sisa.SisaLayout;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link TrainingTranscript} as the model service stores and hands it over. Reading it trusts nothing: the
 * reader recomputes {@link TrainingTranscript#root()} and compares it with the root on the ledger.
 */
public final class TrainingTranscriptJson {

    private TrainingTranscriptJson() {
    }

    public static ObjectNode toJson(TrainingTranscript transcript) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("architecture", transcript.architecture().name());
        json.put("shards", transcript.layout().shards());
        json.put("slices", transcript.layout().slices());
        json.set("sliceTraining", configToJson(transcript.sliceTraining()));
        ArrayNode shards = json.putArray("shardTranscripts");
        for (ShardTranscript shard : transcript.shards()) {
            ObjectNode node = shards.addObject().put("shard", shard.shard()).put("sampleSet", shard.sampleSet().toHex());
            ArrayNode digests = node.putArray("sliceDigests");
            shard.sliceDigests().forEach(hash -> digests.add(hash.toHex()));
            ArrayNode checkpoints = node.putArray("checkpoints");
            shard.checkpoints().forEach(hash -> checkpoints.add(hash.toHex()));
        }
        return json;
    }

    /** One slice step's training configuration, as a transcript holds it. */
    public static ObjectNode configToJson(TrainingConfig training) {
        return JsonNodeFactory.instance.objectNode().put("epochs", training.epochs())
                .put("batchSize", training.batchSize()).put("learningRate", training.learningRate())
                .put("labelSmoothing", training.labelSmoothing()).put("seed", training.seed());
    }

    /**
     * @throws InvalidJsonException if a field is missing or of the wrong type, or the values are not a configuration
     */
    public static TrainingConfig configFromJson(JsonNode json) {
        try {
            return config(json);
        } catch (IllegalArgumentException e) {
            throw new InvalidJsonException("not a training configuration: " + e.getMessage());
        }
    }

    private static TrainingConfig config(JsonNode training) {
        return new TrainingConfig(integer(training, "epochs"), integer(training, "batchSize"),
                (float) field(training, "learningRate", JsonNode::isNumber).doubleValue(),
                (float) field(training, "labelSmoothing", JsonNode::isNumber).doubleValue(),
                field(training, "seed", JsonNode::canConvertToLong).longValue());
    }

    /**
     * @throws InvalidJsonException if a field is missing or of the wrong type, or the values do not make a transcript
     */
    public static TrainingTranscript fromJson(JsonNode json) {
        try {
            TrainingConfig sliceTraining = config(field(json, "sliceTraining", JsonNode::isObject));
            List<ShardTranscript> shards = new ArrayList<>();
            for (JsonNode shard : field(json, "shardTranscripts", JsonNode::isArray)) {
                shards.add(new ShardTranscript(integer(shard, "shard"), hashes(shard, "sliceDigests"),
                        hashes(shard, "checkpoints"), Bytes32.fromHex(field(shard, "sampleSet", JsonNode::isTextual).asText())));
            }
            return new TrainingTranscript(Architecture.valueOf(field(json, "architecture", JsonNode::isTextual).asText()),
                    new SisaLayout(integer(json, "shards"), integer(json, "slices")), sliceTraining, shards);
        } catch (IllegalArgumentException e) {
            throw new InvalidJsonException("not a training transcript: " + e.getMessage());
        }
    }

    private static JsonNode field(JsonNode json, String name, Function<JsonNode, Boolean> typed) {
        JsonNode value = json.get(name);
        if (value == null || !typed.apply(value)) {
            throw new IllegalArgumentException("'" + name + "' is missing or of the wrong type");
        }
        return value;
    }

    private static int integer(JsonNode json, String name) {
        return field(json, name, JsonNode::canConvertToInt).intValue();
    }

    private static List<Bytes32> hashes(JsonNode json, String name) {
        List<Bytes32> hashes = new ArrayList<>();
        for (JsonNode hash : field(json, name, JsonNode::isArray)) {
            if (!hash.isTextual()) {
                throw new IllegalArgumentException("'" + name + "' holds " + hash + ", not a hex hash");
            }
            hashes.add(Bytes32.fromHex(hash.asText()));
        }
        return hashes;
    }
}
