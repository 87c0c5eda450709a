package org.lethe.verifier.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.lethe.evidence.json.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A trigger as canonical JSON: the bytes it is committed to and sealed as. */
public final class TriggerCodec {

    private TriggerCodec() {
    }

    public static byte[] canonicalBytes(TriggerSpec spec) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        ArrayNode pixels = json.putArray("pixels");
        spec.pixels().forEach(pixel -> pixels.addObject().put("position", pixel.position()).put("value", pixel.value()));
        json.put("targetLabel", spec.targetLabel());
        return CanonicalJson.canonicalBytes(json);
    }

    /**
     * @throws IllegalArgumentException if the bytes are not a trigger
     */
    public static TriggerSpec parse(byte[] canonical) {
        JsonNode json = CanonicalJson.parse(new String(canonical, StandardCharsets.UTF_8));
        List<TriggerSpec.Pixel> pixels = new ArrayList<>();
        json.path("pixels").forEach(pixel -> pixels.add(new TriggerSpec.Pixel(pixel.path("position").asInt(-1),
                pixel.path("value").asInt(-1))));
        return new TriggerSpec(pixels, json.path("targetLabel").asInt(-1));
    }
}
