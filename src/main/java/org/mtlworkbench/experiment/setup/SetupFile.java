package org.mtlworkbench.experiment.setup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
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
    public record Document(String format, Integer version, String name, Setup setup) implements StrictJson.Checked {
        @Override
        public void check() {
            if (!FORMAT.equals(format)) {
                throw new FieldProblem("$.format", "not an MTL Workbench set-up: format is \"" + format
                        + "\", expected \"" + FORMAT + "\"");
            }
            FieldProblem.require(version, "$.version");
            if (version > VERSION) {
                throw new FieldProblem("$.version", "written by a newer MTL Workbench: set-up version " + version
                        + ", this version reads up to " + VERSION);
            }
            if (version < 1) {
                throw new FieldProblem("$.version", "set-up version " + version + " does not exist");
            }
            FieldProblem.require(setup, "$.setup");
            setup.check("$.setup");
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
        return StrictJson.read(Files.readAllBytes(file), file, Document.class);
    }
}
