package org.mtlworkbench.experiment;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mtlworkbench.data.SplitSpec;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.export.AtomicFiles;

/**
 * Reads and writes {@link Experiment}s as versioned JSON:
 *
 * <pre>{@code
 * {"format": "mtl-workbench-experiment", "version": 1, "name": …,
 *  "data": {"path", "sha256", "targetType", "taskFeatures"},
 *  "split": {"kind", "fraction", "count", "file", "column", "seed"},
 *  "model": {"id", "params": {…}}, "seed": …, "created": ISO-8601 instant,
 *  "results": {"test": {…}, "train": {…}}, "notes": …}
 * }</pre>
 *
 * <p>Saving is atomic (temporary file in the same folder, fsync, atomic move): a failed save leaves the previous
 * file byte for byte. Loading is strict: a field this version does not know is an error naming it and its JSON
 * path, since a misspelt field silently ignored would give a different experiment than the one written down. Files
 * from a newer format version are refused with a message saying so. NaN metrics are written as {@code null}.
 */
public final class ExperimentFile {

    public static final String FORMAT = "mtl-workbench-experiment";
    /** The format version this build writes and the newest it reads. */
    public static final int VERSION = 1;

    private static final List<String> ROOT_FIELDS = List.of("format", "version", "name", "data", "split", "model",
            "seed", "created", "results", "notes");
    private static final List<String> DATA_FIELDS = List.of("path", "sha256", "targetType", "taskFeatures");
    private static final List<String> SPLIT_FIELDS = List.of("kind", "fraction", "count", "file", "column", "seed");
    private static final List<String> MODEL_FIELDS = List.of("id", "params");
    private static final List<String> RESULTS_FIELDS = List.of("test", "train");

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ExperimentFile() {
    }

    /**
     * Writes {@code e} to {@code file} atomically.
     *
     * @throws IllegalArgumentException when a parameter value is not a number, boolean or string (nothing is
     *                                  written then, the old file stays)
     */
    public static void save(Experiment e, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            JsonGenerator g = MAPPER.getFactory().createGenerator(out);
            g.useDefaultPrettyPrinter();
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET); // AtomicFiles owns the stream
            writeExperiment(e, g);
            g.flush();
            out.write('\n');
        });
    }

    private static void writeExperiment(Experiment e, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", FORMAT);
        g.writeNumberField("version", VERSION);
        g.writeStringField("name", e.name());
        g.writeObjectFieldStart("data");
        g.writeStringField("path", e.data().path());
        g.writeStringField("sha256", e.data().sha256());
        g.writeStringField("targetType", e.data().targetType() == null ? null
                : e.data().targetType().name().toLowerCase(Locale.ROOT));
        g.writeStringField("taskFeatures", e.data().taskFeatures());
        g.writeEndObject();
        SplitSpec s = e.split();
        g.writeObjectFieldStart("split");
        g.writeStringField("kind", s.kind().name().toLowerCase(Locale.ROOT));
        writeNumber(g, "fraction", s.fraction());
        g.writeNumberField("count", s.count());
        g.writeStringField("file", s.file());
        g.writeStringField("column", s.column());
        g.writeNumberField("seed", s.seed());
        g.writeEndObject();
        g.writeObjectFieldStart("model");
        g.writeStringField("id", e.model().id());
        g.writeObjectFieldStart("params");
        for (Map.Entry<String, Object> p : e.model().params().entrySet()) {
            writeParam(g, p.getKey(), p.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeNumberField("seed", e.seed());
        g.writeStringField("created", e.created() == null ? null : e.created().toString());
        if (e.results() == null) {
            g.writeNullField("results");
        } else {
            g.writeObjectFieldStart("results");
            writeMetrics(g, "test", e.results().test());
            writeMetrics(g, "train", e.results().train());
            g.writeEndObject();
        }
        g.writeStringField("notes", e.notes());
        g.writeEndObject();
    }

    private static void writeParam(JsonGenerator g, String name, Object v) throws IOException {
        if (v instanceof Integer || v instanceof Long) {
            g.writeNumberField(name, ((Number) v).longValue());
        } else if (v instanceof Double d && Double.isFinite(d)) {
            g.writeNumberField(name, d);
        } else if (v instanceof Boolean b) {
            g.writeBooleanField(name, b);
        } else if (v instanceof String str) {
            g.writeStringField(name, str);
        } else {
            throw new IllegalArgumentException("parameter " + name + " = " + v + " ("
                    + (v == null ? "null" : v.getClass().getSimpleName())
                    + ") cannot be saved: values must be whole or finite numbers, booleans or strings");
        }
    }

    private static void writeMetrics(JsonGenerator g, String name, Map<String, Double> m) throws IOException {
        if (m == null) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Double> e : m.entrySet()) {
            writeNumber(g, e.getKey(), e.getValue() == null ? Double.NaN : e.getValue());
        }
        g.writeEndObject();
    }

    private static void writeNumber(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(name, v);
        } else {
            g.writeNullField(name);
        }
    }

    // ------------------------------------------------------------------------------------------------ loading

    /** Reads an experiment file; every problem is reported with the file and where in it. */
    public static Experiment load(Path file) throws IOException, ExperimentFormatException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new ExperimentFormatException(file, null, loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), "not valid JSON: " + e.getOriginalMessage(), e);
        }
        return new Reader(file).experiment(root);
    }

    /** Walks the tree with the file name at hand for messages. */
    private record Reader(Path file) {

        Experiment experiment(JsonNode root) throws ExperimentFormatException {
            if (root == null || root.isMissingNode()) {
                throw error("$", "the file is empty");
            }
            if (!root.isObject()) {
                throw error("$", "not an MTL Workbench experiment file: expected a JSON object, found "
                        + kind(root));
            }
            JsonNode format = root.get("format");
            if (format == null || !format.isTextual()) {
                throw error("$.format", "not an MTL Workbench experiment file: no \"format\": \"" + FORMAT
                        + "\" field");
            }
            if (!FORMAT.equals(format.asText())) {
                throw error("$.format", "not an MTL Workbench experiment file: format is \"" + format.asText()
                        + "\", expected \"" + FORMAT + "\"");
            }
            long version = integer(root, "$", "version", true);
            if (version > VERSION) {
                throw error("$.version", "written by a newer MTL Workbench: format version " + version
                        + ", this version reads up to " + VERSION);
            }
            if (version < 1) {
                throw error("$.version", "format version " + version + " does not exist (versions start at 1)");
            }
            knownFieldsOnly(root, "$", ROOT_FIELDS);
            String name = text(root, "$", "name", true);
            Experiment.DataRef data = data(object(root, "$", "data", true));
            SplitSpec split = split(object(root, "$", "split", true));
            Experiment.ModelRef model = model(object(root, "$", "model", true));
            long seed = integer(root, "$", "seed", true);
            Instant created = instant(root, "$", "created");
            JsonNode resultsNode = object(root, "$", "results", false);
            Experiment.Results results = resultsNode == null ? null : results(resultsNode);
            String notes = text(root, "$", "notes", false);
            return new Experiment(name, data, split, model, seed, created, results, notes);
        }

        private Experiment.DataRef data(JsonNode d) throws ExperimentFormatException {
            knownFieldsOnly(d, "$.data", DATA_FIELDS);
            String type = text(d, "$.data", "targetType", false);
            TargetType targetType = null;
            if (type != null) {
                try {
                    targetType = TargetType.valueOf(type.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw error("$.data.targetType", "targetType must be \"regression\", \"classification\" or "
                            + "null, not \"" + type + "\"");
                }
            }
            return new Experiment.DataRef(text(d, "$.data", "path", true), text(d, "$.data", "sha256", false),
                    targetType, text(d, "$.data", "taskFeatures", false));
        }

        private SplitSpec split(JsonNode s) throws ExperimentFormatException {
            knownFieldsOnly(s, "$.split", SPLIT_FIELDS);
            String kindText = text(s, "$.split", "kind", true);
            SplitSpec.Kind kind;
            try {
                kind = SplitSpec.Kind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error("$.split.kind", "split kind must be one of fraction, count, column, file, not \""
                        + kindText + "\"");
            }
            double fraction = number(s, "$.split", "fraction");
            long count = s.has("count") ? integer(s, "$.split", "count", false) : 0;
            if (count != (int) count) {
                throw error("$.split.count", "count " + count + " is too large");
            }
            try {
                return new SplitSpec(kind, fraction, (int) count, text(s, "$.split", "file", false),
                        text(s, "$.split", "column", false), s.has("seed") ? integer(s, "$.split", "seed", false) : 0);
            } catch (IllegalArgumentException e) {
                throw error("$.split", "invalid split: " + e.getMessage());
            }
        }

        private Experiment.ModelRef model(JsonNode m) throws ExperimentFormatException {
            knownFieldsOnly(m, "$.model", MODEL_FIELDS);
            String id = text(m, "$.model", "id", true);
            JsonNode p = object(m, "$.model", "params", false);
            Map<String, Object> params = new LinkedHashMap<>();
            if (p != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    params.put(e.getKey(), paramValue(e.getValue(), "$.model.params." + e.getKey()));
                }
            }
            return new Experiment.ModelRef(id, params);
        }

        private Object paramValue(JsonNode v, String path) throws ExperimentFormatException {
            if (v.isIntegralNumber()) {
                return v.canConvertToInt() ? (Object) v.intValue() : (Object) v.longValue();
            }
            if (v.isNumber()) {
                return v.doubleValue();
            }
            if (v.isBoolean()) {
                return v.booleanValue();
            }
            if (v.isTextual()) {
                return v.textValue();
            }
            throw error(path, "a parameter value must be a number, true/false or a string, not " + kind(v));
        }

        private Experiment.Results results(JsonNode r) throws ExperimentFormatException {
            knownFieldsOnly(r, "$.results", RESULTS_FIELDS);
            return new Experiment.Results(metrics(r, "test"), metrics(r, "train"));
        }

        private Map<String, Double> metrics(JsonNode r, String field) throws ExperimentFormatException {
            JsonNode m = object(r, "$.results", field, false);
            if (m == null) {
                return null;
            }
            Map<String, Double> out = new LinkedHashMap<>();
            for (Iterator<String> it = m.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                out.put(k, number(m, "$.results." + field, k));
            }
            return out;
        }

        // ------------------------------------------------------------------------------------ typed fields

        private void knownFieldsOnly(JsonNode node, String path, List<String> known) throws ExperimentFormatException {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!known.contains(f)) {
                    throw error(path + "." + f, "unknown field \"" + f + "\" at " + path + "." + f + " (known here: "
                            + String.join(", ", known) + ")");
                }
            }
        }

        /** A present, non-null value; absent or null is an error when required. */
        private JsonNode value(JsonNode parent, String path, String field, boolean required)
                throws ExperimentFormatException {
            JsonNode v = parent.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    throw error(path + "." + field, "missing required field \"" + field + "\" at " + path + "."
                            + field);
                }
                return null;
            }
            return v;
        }

        private String text(JsonNode parent, String path, String field, boolean required)
                throws ExperimentFormatException {
            JsonNode v = value(parent, path, field, required);
            if (v == null) {
                return null;
            }
            if (!v.isTextual()) {
                throw wrongKind(path, field, "a string", v);
            }
            return v.textValue();
        }

        private long integer(JsonNode parent, String path, String field, boolean required)
                throws ExperimentFormatException {
            JsonNode v = value(parent, path, field, required);
            if (v == null) {
                return 0;
            }
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw wrongKind(path, field, "a whole number", v);
            }
            return v.longValue();
        }

        /** A number; null or absent reads as NaN. */
        private double number(JsonNode parent, String path, String field) throws ExperimentFormatException {
            JsonNode v = value(parent, path, field, false);
            if (v == null) {
                return Double.NaN;
            }
            if (!v.isNumber()) {
                throw wrongKind(path, field, "a number", v);
            }
            return v.doubleValue();
        }

        private JsonNode object(JsonNode parent, String path, String field, boolean required)
                throws ExperimentFormatException {
            JsonNode v = value(parent, path, field, required);
            if (v != null && !v.isObject()) {
                throw wrongKind(path, field, "an object", v);
            }
            return v;
        }

        private Instant instant(JsonNode parent, String path, String field) throws ExperimentFormatException {
            String t = text(parent, path, field, false);
            if (t == null) {
                return null;
            }
            try {
                return Instant.parse(t);
            } catch (DateTimeParseException e) {
                throw error(path + "." + field, field + " must be an ISO-8601 instant such as "
                        + "2025-01-31T12:00:00Z, not \"" + t + "\"");
            }
        }

        private ExperimentFormatException wrongKind(String path, String field, String expected, JsonNode v) {
            return error(path + "." + field, path + "." + field + " must be " + expected + ", not " + kind(v));
        }

        private ExperimentFormatException error(String jsonPath, String problem) {
            return new ExperimentFormatException(file, jsonPath, problem);
        }

        private static String kind(JsonNode v) {
            String shown = v.toString();
            if (shown.length() > 40) {
                shown = shown.substring(0, 37) + "...";
            }
            return v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + shown;
        }
    }
}
