package org.mtlworkbench.experiment.setup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.mtlworkbench.experiment.ExperimentFormatException;

/**
 * Reads small JSON documents (set-ups, lessons) straight into records, strictly, in two passes: Jackson binds the
 * text (syntax errors, unknown fields, duplicate keys and wrong kinds fail here, with Jackson's line and column),
 * then the document {@link Checked#check() checks} itself (missing fields and refused values, each at a JSON path,
 * which is located in the text again for its line and column). So a misspelt field is reported as unknown, not as
 * the missing field it was meant to be.
 */
public final class StrictJson {

    /** A bound document that checks its own values, throwing a {@link FieldProblem} for the first bad one. */
    public interface Checked {
        void check();
    }

    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private StrictJson() {
    }

    /** Reads {@code text} (named {@code source} in messages) as a checked {@code type}. */
    public static <T extends Checked> T read(byte[] text, Path source, Class<T> type) throws IOException,
            ExperimentFormatException {
        T value;
        try {
            value = MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw bindError(source, e);
        }
        if (value == null) {
            throw new ExperimentFormatException(source, "$", "the file is empty");
        }
        try {
            value.check();
        } catch (FieldProblem p) {
            JsonLocation loc = locate(text, p.path());
            throw new ExperimentFormatException(source, p.path(), loc == null ? 0 : loc.getLineNr(),
                    loc == null ? 0 : loc.getColumnNr(), p.getMessage() + (p.getMessage().contains(p.path()) ? ""
                    : " (at " + p.path() + ")"), p);
        }
        return value;
    }

    private static ExperimentFormatException bindError(Path source, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String path = e instanceof JsonMappingException m ? jsonPath(m) : null;
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            problem = "unknown field \"" + u.getPropertyName() + "\" (known here: "
                    + String.join(", ", u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList())
                    + ")";
        } else if (isSyntax(e)) {
            problem = "not valid JSON: " + firstLine(e.getOriginalMessage());
        } else {
            problem = firstLine(e.getOriginalMessage());
        }
        if (path != null && !path.equals("$")) {
            problem = problem + " (at " + path + ")";
        }
        return new ExperimentFormatException(source, path, loc == null ? 0 : loc.getLineNr(),
                loc == null ? 0 : loc.getColumnNr(), problem, e);
    }

    /**
     * Where the value at {@code path} ({@code $.a.b[2].c}) starts in the text; for a missing field, where its
     * nearest present parent starts. Null when the text holds none of it.
     */
    static JsonLocation locate(byte[] text, String path) {
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            JsonLocation best = null;
            int bestLength = -1;
            Deque<Frame> stack = new ArrayDeque<>();
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME) {
                    field = p.currentName();
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                Frame top = stack.peek();
                String here = top == null ? "$"
                        : top.array ? top.path + "[" + top.next++ + "]" : top.path + "." + field;
                boolean within = path.equals(here) || path.startsWith(here + ".") || path.startsWith(here + "[");
                if (within && here.length() > bestLength) {
                    best = p.currentTokenLocation();
                    bestLength = here.length();
                }
                if (t.isStructStart()) {
                    stack.push(new Frame(here, t == JsonToken.START_ARRAY));
                }
            }
            return best;
        } catch (IOException e) {
            return null;
        }
    }

    /** An open object or array while locating a path. */
    private static final class Frame {
        final String path;
        final boolean array;
        int next;

        Frame(String path, boolean array) {
            this.path = path;
            this.array = array;
        }
    }

    private static boolean isSyntax(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException && !(t instanceof JsonMappingException)) {
                return true;
            }
        }
        return false;
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
