package org.mtlworkbench.experiment.setup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.data.SplitSpec;
import org.mtlworkbench.experiment.Experiment;

/**
 * Everything that puts the workbench into one state: which data, how it is split, which model with which parameters
 * and seed, which controls are hidden or locked, and (optionally) which lesson step is open. A shared set-up file and
 * every lesson step hold one; loading it twice gives the same state, and training it twice the same trace.
 *
 * @param data     where the data comes from
 * @param split    how training and test rows are chosen
 * @param model    model id and parameter values (the model's defaults fill in the rest)
 * @param seed     the training seed
 * @param controls controls to hide or lock, or null for none
 * @param lesson   the lesson step to open, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Setup(DataChoice data, SplitJson split,
                    ModelJson model, Long seed, Controls controls, LessonRef lesson) {

    /** One of: a bundled sample by name, a file or folder path, or small data embedded as CSV text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataChoice(String sample, String path, String name, String csv, String tasksCsv) {
        void check(String at) {
            int given = (sample != null ? 1 : 0) + (path != null ? 1 : 0) + (csv != null ? 1 : 0);
            if (given != 1) {
                throw new FieldProblem(at, "data must name exactly one of \"sample\", \"path\" or \"csv\""
                        + " (found " + given + ")");
            }
            if (csv != null && (name == null || !name.matches("[A-Za-z0-9_.-]+"))) {
                throw new FieldProblem(at, "embedded csv data needs a \"name\" made of letters, digits, "
                        + "'_', '.' or '-'");
            }
        }

        public static DataChoice sample(String id) {
            return new DataChoice(id, null, null, null, null);
        }

        public static DataChoice path(String p) {
            return new DataChoice(null, p, null, null, null);
        }

        public static DataChoice embedded(String name, String csv, String tasksCsv) {
            return new DataChoice(null, null, name, csv, tasksCsv);
        }
    }

    /** A split rule as written in the file; see {@link org.mtlworkbench.data.SplitSpec}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SplitJson(String kind, Double fraction, Integer count,
                            String column, Long seed) {
        void check(String at) {
            FieldProblem.require(kind, at + ".kind");
            if (!List.of("fraction", "count", "column").contains(kind)) {
                throw new FieldProblem(at + ".kind", "split kind must be fraction, count or column, not \"" + kind
                        + "\"");
            }
            if (kind.equals("fraction") && (fraction == null || !(fraction > 0 && fraction < 1))) {
                throw new FieldProblem(at, "a fraction split needs \"fraction\" strictly between 0 and 1");
            }
            if (kind.equals("count") && (count == null || count < 1)) {
                throw new FieldProblem(at, "a count split needs \"count\" of at least 1");
            }
        }

        /** The split rule; a column split reads the column named {@code column} (default "split"). */
        public SplitSpec toSpec() {
            long s = seed == null ? 1 : seed;
            return switch (kind) {
                case "fraction" -> SplitSpec.fraction(fraction, s);
                case "count" -> SplitSpec.count(count, s);
                default -> SplitSpec.column(column == null ? "split" : column);
            };
        }

        /** The file form of a split rule (a split file cannot travel in a set-up). */
        public static SplitJson of(SplitSpec s) {
            return switch (s.kind()) {
                case FRACTION -> new SplitJson("fraction", s.fraction(), null, null, s.seed());
                case COUNT -> new SplitJson("count", null, s.count(), null, s.seed());
                case COLUMN -> new SplitJson("column", null, null, s.column(), null);
                case FILE -> throw new IllegalArgumentException("a split file cannot be shared in a set-up; "
                        + "use a split column in the data instead");
            };
        }
    }

    /** Model id and parameter values by name (numbers, booleans, strings). */
    public record ModelJson(String id, Map<String, Object> params) {
        public ModelJson {
            params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(params));
        }

        public Experiment.ModelRef toModelRef() {
            return new Experiment.ModelRef(id, params);
        }
    }

    /**
     * Controls a lecturer hides or locks, by name: {@code data}, {@code split}, {@code model}, {@code params},
     * {@code seed}, {@code run}, {@code tau}.
     */
    public record Controls(List<String> hidden, List<String> locked) {
        public static final List<String> NAMES = List.of("data", "split", "model", "params", "seed", "run", "tau");

        public Controls {
            hidden = hidden == null ? List.of() : List.copyOf(hidden);
            locked = locked == null ? List.of() : List.copyOf(locked);
        }

        void check(String at) {
            for (String c : concat(hidden, locked)) {
                if (!NAMES.contains(c)) {
                    throw new FieldProblem(at, "unknown control \"" + c + "\" (known: "
                            + String.join(", ", NAMES) + ")");
                }
            }
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> out = new java.util.ArrayList<>(a);
            out.addAll(b);
            return out;
        }
    }

    /** A lesson by id and a step (0-based). */
    public record LessonRef(String id, int step) {
        void check(String at) {
            FieldProblem.require(id, at + ".id");
            if (step < 0) {
                throw new FieldProblem(at + ".step", "lesson step must be 0 or more, not " + step);
            }
        }
    }

    /** Throws a {@link FieldProblem} for the first missing or refused value under {@code at}. */
    public void check(String at) {
        FieldProblem.require(data, at + ".data");
        data.check(at + ".data");
        if (split != null) {
            split.check(at + ".split");
        }
        FieldProblem.require(model, at + ".model");
        FieldProblem.require(model.id(), at + ".model.id");
        if (controls != null) {
            controls.check(at + ".controls");
        }
        if (lesson != null) {
            lesson.check(at + ".lesson");
        }
    }

    /** The training seed, 1 when the file leaves it out. */
    public long seedOr1() {
        return seed == null ? 1 : seed;
    }

    public Controls controlsOrNone() {
        return controls == null ? new Controls(List.of(), List.of()) : controls;
    }

    public Setup withLesson(LessonRef ref) {
        return new Setup(data, split, model, seed, controls, ref);
    }

    public Setup withControls(Controls c) {
        return new Setup(data, split, model, seed, c, lesson);
    }
}
