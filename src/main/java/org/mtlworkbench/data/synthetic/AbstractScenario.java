package org.mtlworkbench.data.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mtlworkbench.data.Task;

/** Shared plumbing of the built-in scenarios: naming, seeding, row numbering, README notes. */
abstract class AbstractScenario implements Scenario {

    private final String id;
    private final String title;
    private final String description;

    AbstractScenario(String id, String title, String description) {
        this.id = id;
        this.title = title;
        this.description = description;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final GeneratedScenario generate(long seed) {
        Map<String, Object> truth = new LinkedHashMap<>();
        var dataset = build(new SyntheticRandom(seed, id), truth);
        return new GeneratedScenario(id, title, description, seed, dataset, truth);
    }

    /** Draws the planted structure and the data; puts the ground truth into {@code truth} in reading order. */
    abstract org.mtlworkbench.data.MultiTaskDataset build(SyntheticRandom rng, Map<String, Object> truth);

    /** Ground-truth key → one line saying what it holds, for the scenario's README. */
    abstract Map<String, String> groundTruthGuide();

    /** One line on the target column for the README. */
    abstract String targetNote();

    /** Task names t01, t02, … */
    static String taskName(int index) {
        return String.format(Locale.ROOT, "t%02d", index + 1);
    }

    static List<String> names(String prefix, int count) {
        List<String> out = new ArrayList<>(count);
        for (int j = 1; j <= count; j++) {
            out.add(prefix + j);
        }
        return out;
    }

    /** n standard-normal input rows of dimension d, rounded. */
    static double[][] standardInputs(SyntheticRandom rng, int n, int d) {
        return SyntheticRandom.round(rng.gaussianMatrix(n, d, 1.0));
    }

    /** y = wᵀx + N(0, noiseSd²) for every row, rounded. */
    static double[] linearTargets(SyntheticRandom rng, double[][] x, double[] w, double noiseSd) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = SyntheticRandom.round(SyntheticRandom.dot(w, x[i]) + rng.gaussian(0, noiseSd));
        }
        return y;
    }

    /** Task name → value, in task order. */
    static <V> Map<String, V> byTask(List<String> tasks, List<V> values) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            m.put(tasks.get(i), values.get(i));
        }
        return m;
    }

    /** Builds tasks whose row ids number the rows of the tidy file, in the order the writer writes them. */
    static final class TaskList {
        private final List<Task> tasks = new ArrayList<>();
        private int nextRow;

        void add(String name, double[][] x, double[] y) {
            int[] ids = new int[y.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = nextRow++;
            }
            tasks.add(new Task(name, x, y, ids));
        }

        List<Task> tasks() {
            return tasks;
        }
    }
}
