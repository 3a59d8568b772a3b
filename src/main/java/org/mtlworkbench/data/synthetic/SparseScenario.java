package org.mtlworkbench.data.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;

/**
 * ALGORITHMS.md §8.5: multi-output regression with group-sparse weights W = V Z (+ tiny noise): two of ten feature
 * groups active, tasks 1–3 correlated with each other and anti-correlated with tasks 4–6. All tasks share the same
 * input rows.
 */
final class SparseScenario extends AbstractScenario {

    static final int TASKS = 6;
    static final int FEATURES = 20;
    static final int GROUP_SIZE = 2;
    static final int[] ACTIVE_GROUPS = {0, 3};
    static final int ROWS = 200;
    static final double NOISE_SD = 0.5;
    static final double WEIGHT_NOISE_SD = 0.01;
    static final double[] V = {1, 1, 1, -1, -1, -1};

    SparseScenario() {
        super("sparse", "Block-sparse tasks, correlated and anti-correlated",
                "Six regression tasks (t01 to t06) measured on the same 200 input rows, each with twenty inputs "
                + "x1 to x20 grouped in pairs (x1–x2 is group 0, x3–x4 group 1, and so on up to group 9). Only "
                + "two groups matter, group 0 (x1, x2) and group 3 (x7, x8); the other sixteen inputs are pure "
                + "distraction. The six tasks share one hidden weight pattern: tasks t01–t03 use it as it is and "
                + "tasks t04–t06 use it with the sign flipped, so the first three are strongly correlated with "
                + "each other and anti-correlated with the last three. The targets carry noise of sd 0.5. A good "
                + "sparse multi-task model should switch off the eight irrelevant groups (their precisions "
                + "at least ten times larger than those of the active ones), recover the sign pattern of the "
                + "weights, and show a task correlation of about +1 within each trio and −1 between them.");
    }

    @Override
    MultiTaskDataset build(SyntheticRandom rng, Map<String, Object> truth) {
        int groups = FEATURES / GROUP_SIZE;
        boolean[] active = new boolean[FEATURES];
        for (int g : ACTIVE_GROUPS) {
            for (int j = g * GROUP_SIZE; j < (g + 1) * GROUP_SIZE; j++) {
                active[j] = true;
            }
        }
        // Z: one latent row (K = 1), zero outside the active groups, magnitude ≥ 1 so every sign is clear.
        double[] z = new double[FEATURES];
        for (int j = 0; j < FEATURES; j++) {
            if (active[j]) {
                double sign = rng.uniform() < 0.5 ? -1 : 1;
                z[j] = SyntheticRandom.round(sign * (1 + 0.5 * Math.abs(rng.gaussian())));
            }
        }
        double[][] w = new double[TASKS][FEATURES];
        for (int p = 0; p < TASKS; p++) {
            for (int j = 0; j < FEATURES; j++) {
                // inactive groups stay exactly zero: the support is known exactly
                w[p][j] = active[j] ? SyntheticRandom.round(V[p] * z[j] + rng.gaussian(0, WEIGHT_NOISE_SD)) : 0.0;
            }
        }
        double[][] x = standardInputs(rng, ROWS, FEATURES);
        List<String> tasks = new ArrayList<>();
        List<Integer> signs = new ArrayList<>();
        TaskList list = new TaskList();
        for (int p = 0; p < TASKS; p++) {
            tasks.add(taskName(p));
            signs.add((int) V[p]);
            list.add(taskName(p), x, linearTargets(rng, x, w[p], NOISE_SD));
        }
        List<String> featureNames = names("x", FEATURES);
        List<List<String>> featureGroups = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            featureGroups.add(List.copyOf(featureNames.subList(g * GROUP_SIZE, (g + 1) * GROUP_SIZE)));
        }
        List<String> activeFeatures = new ArrayList<>();
        for (int j = 0; j < FEATURES; j++) {
            if (active[j]) {
                activeFeatures.add(featureNames.get(j));
            }
        }
        double[][] correlation = new double[TASKS][TASKS];
        for (int p = 0; p < TASKS; p++) {
            for (int q = 0; q < TASKS; q++) {
                correlation[p][q] = V[p] * V[q];
            }
        }
        List<Integer> activeGroups = new ArrayList<>();
        for (int g : ACTIVE_GROUPS) {
            activeGroups.add(g);
        }
        truth.put("generativeModel", "y_p = W_pᵀx + ε for task p, one shared x ~ N(0, I₂₀) per row; W = V Z + "
                + "N(0, 0.01²) on the active groups and W = 0 elsewhere; V = [1, 1, 1, −1, −1, −1]ᵀ (K = 1); "
                + "ε ~ N(0, 0.5²); no intercept");
        truth.put("sharedInputs", true);
        truth.put("featureGroups", featureGroups);
        truth.put("activeGroups", activeGroups);
        truth.put("activeFeatures", activeFeatures);
        truth.put("W", w);
        truth.put("V", V.clone());
        truth.put("Z", z);
        truth.put("taskSign", byTask(tasks, signs));
        truth.put("taskCorrelation", correlation);
        truth.put("weightNoiseSd", WEIGHT_NOISE_SD);
        truth.put("noiseSd", NOISE_SD);
        return new MultiTaskDataset(id(), featureNames, TargetType.REGRESSION, List.of(), list.tasks());
    }

    @Override
    Map<String, String> groundTruthGuide() {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("generativeModel", "the formula the data were drawn from");
        g.put("sharedInputs", "true: every task has the same input rows, in the same order (multi-output "
                + "regression)");
        g.put("featureGroups", "group index → its feature columns (group 0 = x1, x2; group 1 = x3, x4; …)");
        g.put("activeGroups", "the groups with non-zero weights (0-based)");
        g.put("activeFeatures", "the feature columns of the active groups");
        g.put("W", "the true weight matrix, tasks × features (6 × 20); exactly 0 outside the active groups");
        g.put("V", "the task loading vector (K = 1): +1 for t01–t03, −1 for t04–t06");
        g.put("Z", "the latent weight row shared by all tasks (1 × 20)");
        g.put("taskSign", "task → the sign with which it uses Z");
        g.put("taskCorrelation", "the task correlation V Vᵀ normalised: +1 within a trio, −1 across");
        g.put("weightNoiseSd", "sd of the small task-specific deviation of W from V Z on the active groups");
        g.put("noiseSd", "standard deviation of the target noise");
        return g;
    }

    @Override
    String targetNote() {
        return "`target`: a real number (regression)";
    }
}
