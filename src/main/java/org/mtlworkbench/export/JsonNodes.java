package org.mtlworkbench.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Small helpers for the JSON the workbench writes: numbers that are not finite become {@code null} (JSON has no NaN),
 * parameter values keep their type, files are pretty-printed and written atomically.
 */
public final class JsonNodes {

    /** Pretty-printing mapper shared by the writers (thread-safe once configured). */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonNodes() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Puts a double, or null when it is NaN or infinite. */
    public static void putNumber(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                node.put(key, (long) v); // counts such as rows read as whole numbers
            } else {
                node.put(key, v);
            }
        } else {
            node.putNull(key);
        }
    }

    /** name → number object, or null when the map is null. */
    public static JsonNode numbers(Map<String, Double> values) {
        if (values == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        ObjectNode o = object();
        values.forEach((k, v) -> putNumber(o, k, v == null ? Double.NaN : v));
        return o;
    }

    /** Parameter values (Double, Integer, Long, Boolean, String) by name, in order. */
    public static ObjectNode params(Map<String, Object> params) {
        ObjectNode o = object();
        params.forEach((k, v) -> {
            if (v instanceof Integer || v instanceof Long) {
                o.put(k, ((Number) v).longValue());
            } else if (v instanceof Number n) {
                putNumber(o, k, n.doubleValue());
            } else if (v instanceof Boolean b) {
                o.put(k, b);
            } else if (v == null) {
                o.putNull(k);
            } else {
                o.put(k, v.toString());
            }
        });
        return o;
    }

    /** Writes the node pretty-printed, atomically, with a final newline. */
    public static void write(JsonNode node, Path file) throws IOException {
        AtomicFiles.writeString(file, MAPPER.writeValueAsString(node) + "\n");
    }
}
