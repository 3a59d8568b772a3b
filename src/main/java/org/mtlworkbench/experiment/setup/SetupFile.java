package org.mtlworkbench.experiment.setup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mtlworkbench.experiment.ExperimentFormatException;
import org.mtlworkbench.export.AtomicFiles;

/**
 * The shareable set-up file ({@code .mtlsetup}): one small JSON document a lecturer hands to students.
 *
 * <pre>{@code
 * {"format": "mtl-workbench-setup", "version": 1, "name": "…",
 *  "setup": {"data": {"sample": "clustered"} | {"path": "…"} | {"name": "…", "csv": "task,x1,…\n…"},
 *            "split": {"kind": "count", "count": 5, "seed": 1},
 *            "model": {"id": "clustering", "params": {"clusters": 3}}, "seed": 1,
 *            "controls": {"hidden": ["params"], "locked": ["model"]},
 *            "lesson": {"id": "task-clustering", "step": 1}}}
 * }</pre>
 *
 * Saving is atomic; loading is strict (see {@link StrictJson}): every error names the file, line and column.
 */
public final class SetupFile {

    public static final String FORMAT = "mtl-workbench-setup";
    public static final int VERSION = 1;
    public static final String EXTENSION = ".mtlsetup";

    /** The document as stored. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Document(@JsonProperty(required = true) String format, @JsonProperty(required = true) int version,
                           String name, @JsonProperty(required = true) Setup setup) {
        public Document {
            if (!FORMAT.equals(format)) {
                throw new IllegalArgumentException("not an MTL Workbench set-up: format is \"" + format
                        + "\", expected \"" + FORMAT + "\"");
            }
            if (version > VERSION) {
                throw new IllegalArgumentException("written by a newer MTL Workbench: set-up version " + version
                        + ", this version reads up to " + VERSION);
            }
            if (version < 1) {
                throw new IllegalArgumentException("set-up version " + version + " does not exist");
            }
        }

        public Document(String name, Setup setup) {
            this(FORMAT, VERSION, name, setup);
        }
    }

    private SetupFile() {
    }

    public static void save(Document d, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            out.write(StrictJson.MAPPER.writeValueAsBytes(d));
            out.write('\n');
        });
    }

    public static Document load(Path file) throws IOException, ExperimentFormatException {
        try (InputStream in = Files.newInputStream(file)) {
            return StrictJson.read(in, file, Document.class);
        }
    }
}
