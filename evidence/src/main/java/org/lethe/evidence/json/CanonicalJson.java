package org.lethe.evidence.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The project's one JSON canonicaliser: RFC 8785 (JCS). Every signed or hashed document goes through it,
 * so that Java, the CLI and any third party produce the same bytes for the same content.
 *
 * <p>Numbers follow ECMAScript's double formatting; values that need more than 53 bits of
 * precision (token amounts, nanosecond times) belong in strings.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CanonicalJson() {
    }

    /**
     * The canonical form of a JSON text.
     *
     * @throws InvalidJsonException if the text is not one JSON value
     */
    public static String canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException | RuntimeException e) {
            throw new InvalidJsonException("not canonicalisable JSON: " + e.getMessage());
        }
    }

    /** The canonical UTF-8 bytes of a JSON tree. */
    public static byte[] canonicalBytes(JsonNode json) {
        return canonicalize(json.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** A Jackson tree of a value (records, maps, lists), for signing or hashing. */
    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /**
     * Parses a JSON text into a tree.
     *
     * @throws InvalidJsonException if the text is not JSON
     */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidJsonException("not JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Binds a tree to a type.
     *
     * @throws InvalidJsonException if the tree does not fit the type
     */
    public static <T> T bind(JsonNode json, Class<T> type) {
        try {
            return MAPPER.treeToValue(json, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidJsonException("not a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }
}
