package org.mtlworkbench.experiment.setup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.mtlworkbench.experiment.ExperimentFormatException;

/**
 * Reads small JSON documents (set-ups, lessons) straight into records, strictly: unknown fields, duplicate keys,
 * missing required fields, wrong kinds and values a record refuses are all errors that name the file, the line and
 * column where Jackson was, and the JSON path ({@code $.setup.split.kind}).
 */
public final class StrictJson {

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private StrictJson() {
    }

    /** Reads {@code in} (named {@code source} in messages) as a {@code type}. */
    public static <T> T read(InputStream in, Path source, Class<T> type) throws IOException,
            ExperimentFormatException {
        try {
            T value = MAPPER.readValue(in, type);
            if (value == null) {
                throw new ExperimentFormatException(source, "$", "the file is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw error(source, e);
        }
    }

    static ExperimentFormatException error(Path source, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String path = e instanceof JsonMappingException m ? jsonPath(m) : null;
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            problem = "unknown field \"" + u.getPropertyName() + "\" (known here: "
                    + String.join(", ", u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList())
                    + ")";
        } else if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            problem = v.getCause().getMessage();
        } else if (e instanceof JsonMappingException) {
            problem = firstLine(e.getOriginalMessage());
        } else {
            problem = "not valid JSON: " + firstLine(e.getOriginalMessage());
        }
        if (path != null && !path.equals("$")) {
            problem = problem + " (at " + path + ")";
        }
        return new ExperimentFormatException(source, path, loc == null ? 0 : loc.getLineNr(),
                loc == null ? 0 : loc.getColumnNr(), problem, e);
    }

    private static String jsonPath(JsonMappingException m) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                sb.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
