package org.lethe.ml.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.lethe.evidence.hash.Bytes32;
import org.lethe.evidence.hash.HashAlgorithm;
import org.lethe.evidence.json.CanonicalJson;
import org.lethe.evidence.json.InvalidJsonException;
import org.lethe.ml.network.Architecture;
import org.lethe.ml.network.TrainingConfig;
import org.lethe.ml.sisa.SisaLayout;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A transcript read back is the transcript written, root for root; anything else is refused with the reason. */
class TrainingTranscriptJsonTest {

    private static final TrainingTranscript TRANSCRIPT = new TrainingTranscript(Architecture.MLP, new SisaLayout(2, 3),
            new TrainingConfig(3, 128, 1e-3f, 0.2f, 7L), List.of(shard(0), shard(1)));

    @Test
    void aTranscriptReadsBackToTheSameRoot() {
        String written = TrainingTranscriptJson.toJson(TRANSCRIPT).toString();
        TrainingTranscript read = TrainingTranscriptJson.fromJson(CanonicalJson.parse(written));
        assertEquals(TRANSCRIPT, read);
        assertEquals(TRANSCRIPT.root(), read.root());
    }

    @Test
    void malformedTranscriptsAreRefusedWithTheReason() {
        refused(json -> json.remove("sliceTraining"), "'sliceTraining' is missing");
        refused(json -> json.put("shards", "two"), "'shards' is missing or of the wrong type");
        refused(json -> json.put("architecture", "TRANSFORMER"), "TRANSFORMER");
        refused(json -> json.put("shards", 3), "3 shard transcripts expected, got 2");
        refused(json -> ((ObjectNode) json.get("shardTranscripts").get(0)).putArray("checkpoints").add(7),
                "'checkpoints' holds 7, not a hex hash");
        refused(json -> ((ObjectNode) json.get("shardTranscripts").get(1)).putArray("sliceDigests").add("0x12"),
                "expected 64 hex digits");
        refused(json -> ((ObjectNode) json.get("shardTranscripts").get(0)).remove("sampleSet"),
                "'sampleSet' is missing");
        refused(json -> ((ObjectNode) json.get("sliceTraining")).put("labelSmoothing", 1.5),
                "labelSmoothing in [0, 1)");
    }

    private static void refused(Consumer<ObjectNode> change, String reason) {
        ObjectNode json = TrainingTranscriptJson.toJson(TRANSCRIPT);
        change.accept(json);
        InvalidJsonException refusal = assertThrows(InvalidJsonException.class,
                () -> TrainingTranscriptJson.fromJson(json));
        assertTrue(refusal.getMessage().startsWith("not a training transcript: ")
                && refusal.getMessage().contains(reason), refusal.getMessage());
    }

    private static ShardTranscript shard(int shard) {
        return new ShardTranscript(shard, List.of(hash("digest", shard, 0), hash("digest", shard, 1), hash("digest", shard, 2)),
                List.of(hash("checkpoint", shard, 0), hash("checkpoint", shard, 1), hash("checkpoint", shard, 2)),
                hash("set", shard, 0));
    }

    private static Bytes32 hash(String kind, int shard, int slice) {
        return HashAlgorithm.SHA_256.hash((kind + shard + "/" + slice).getBytes(StandardCharsets.US_ASCII));
    }
}
