package org.mtlworkbench.data.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;

/**
 * ALGORITHMS.md §8.6: two-dimensional logistic classification tasks; t01/t02 and t03/t04 are linked pairs that share
 * one classifier, t05 and t06 are on their own. The four classifier directions are 90° apart.
 */
final class LinkedScenario extends AbstractScenario {

    static final int TASKS = 6;
    static final int ROWS = 80;
    /** Length of every classifier's weight vector: labels are fairly clean but not separable. */
    static final double WEIGHT_NORM = 4.0;
    static final double BIAS_SD = 0.5;
    /** Each task's inputs are N(μ_t, I) with μ_t uniform on a disc of this radius: other input distributions. */
    static final double INPUT_SHIFT_RADIUS = 0.5;
    /** Classifier index of each task: tasks with the same index share a classifier. */
    static final int[] CLASSIFIER_OF_TASK = {0, 0, 1, 1, 2, 3};

    LinkedScenario() {
        super("linked", "Linked classification tasks",
                "Six yes/no classification tasks (t01 to t06) on two inputs x1 and x2, 80 rows each; the label is "
                + "1 or 0. Each task draws a straight boundary through the plane and labels points by which side "
                + "they fall on, with some randomness near the boundary (a logistic model). Tasks t01 and t02 "
                + "use exactly the same boundary, and so do t03 and t04; t05 and t06 each have a boundary of "
                + "their own. The four different boundaries face four directions a quarter turn apart, and every task "
                + "sees its inputs from a slightly shifted cloud. A good model that lets tasks borrow from each "
                + "other should learn to borrow from the partner task (t01 from t02, t03 from t04 and back) and "
                + "put little weight on the unrelated tasks, while t05 and t06 find no partner.");
    }

    @Override
    MultiTaskDataset build(SyntheticRandom rng, Map<String, Object> truth) {
        int classifiers = Arrays.stream(CLASSIFIER_OF_TASK).max().orElseThrow() + 1;
        double rotation = 360 * rng.uniform();
        double[][] classifier = new double[classifiers][];
        double[] angle = new double[classifiers];
        for (int c = 0; c < classifiers; c++) {
            angle[c] = SyntheticRandom.round((rotation + 90.0 * c) % 360.0);
            double rad = Math.toRadians(angle[c]);
            classifier[c] = SyntheticRandom.round(new double[] {
                WEIGHT_NORM * Math.cos(rad), WEIGHT_NORM * Math.sin(rad), rng.gaussian(0, BIAS_SD)});
        }
        List<String> tasks = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        List<Double> angles = new ArrayList<>();
        List<double[]> inputMeans = new ArrayList<>();
        TaskList list = new TaskList();
        for (int t = 0; t < TASKS; t++) {
            double[] w = classifier[CLASSIFIER_OF_TASK[t]];
            double r = INPUT_SHIFT_RADIUS * Math.sqrt(rng.uniform());
            double phi = 2 * Math.PI * rng.uniform();
            double[] mu = SyntheticRandom.round(new double[] {r * Math.cos(phi), r * Math.sin(phi)});
            double[][] x = new double[ROWS][];
            double[] y = new double[ROWS];
            for (int i = 0; i < ROWS; i++) {
                x[i] = SyntheticRandom.round(rng.gaussian(mu, 1.0));
                double p = 1 / (1 + Math.exp(-(w[0] * x[i][0] + w[1] * x[i][1] + w[2])));
                y[i] = rng.uniform() < p ? 1 : 0;
            }
            list.add(taskName(t), x, y);
            tasks.add(taskName(t));
            weights.add(w);
            angles.add(angle[CLASSIFIER_OF_TASK[t]]);
            inputMeans.add(mu);
        }
        Map<String, String> partner = new LinkedHashMap<>();
        List<List<String>> pairs = new ArrayList<>();
        List<String> independent = new ArrayList<>();
        for (int t = 0; t < TASKS; t++) {
            String found = null;
            for (int u = 0; u < TASKS; u++) {
                if (u != t && CLASSIFIER_OF_TASK[u] == CLASSIFIER_OF_TASK[t]) {
                    found = tasks.get(u);
                }
            }
            partner.put(tasks.get(t), found);
            if (found == null) {
                independent.add(tasks.get(t));
            } else if (tasks.get(t).compareTo(found) < 0) {
                pairs.add(List.of(tasks.get(t), found));
            }
        }
        truth.put("generativeModel", "P(y = 1 | x) = 1 / (1 + exp(−(w1·x1 + w2·x2 + b))); x ~ N(μ_task, I₂); "
                + "partners share (w1, w2, b); |w| = 4; the four directions are 90° apart, rotated at random");
        truth.put("partner", partner);
        truth.put("pairs", pairs);
        truth.put("independent", independent);
        truth.put("classifierWeights", byTask(tasks, weights));
        truth.put("classifierWeightNames", List.of("w1", "w2", "b"));
        truth.put("classifierAngleDegrees", byTask(tasks, angles));
        truth.put("inputMeans", byTask(tasks, inputMeans));
        return new MultiTaskDataset(id(), names("x", 2), TargetType.CLASSIFICATION, List.of("0", "1"),
                list.tasks());
    }

    @Override
    Map<String, String> groundTruthGuide() {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("generativeModel", "the formula the labels were drawn from");
        g.put("partner", "task → the task sharing its classifier, or null for an independent task");
        g.put("pairs", "the linked pairs");
        g.put("independent", "the tasks with no partner");
        g.put("classifierWeights", "task → its true classifier (w1, w2, b)");
        g.put("classifierWeightNames", "the names of the classifier entries");
        g.put("classifierAngleDegrees", "task → direction of (w1, w2) in degrees (0–360)");
        g.put("inputMeans", "task → mean μ of its input cloud");
        return g;
    }

    @Override
    String targetNote() {
        return "`target`: class label `0` or `1` (binary classification)";
    }
}
