package org.mtlworkbench.data.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;

/**
 * ALGORITHMS.md §8.2: two clusters of regression tasks, where the cluster of a task is decided by the sign of its
 * first task feature (f1 &gt; 0 → cluster 1); the second task feature is a distractor.
 */
final class GatedScenario extends AbstractScenario {

    static final int TASKS = 20;
    static final int FEATURES = 4;
    static final int ROWS = 40;
    static final double PRIOR_VARIANCE = 0.1;
    static final double NOISE_SD = 0.1;
    /** Fewest tasks a cluster may get; task features are redrawn (deterministically) until both reach it. */
    static final int MIN_CLUSTER_SIZE = 4;
    static final double[][] CENTRES = {
        {-2, 2, 0, 1},
        {2, -1, 1, -1},
    };

    GatedScenario() {
        super("gated", "Gated clusters driven by task features",
                "Twenty regression tasks (t01 to t20) with four inputs and 40 rows each. Every task also comes "
                + "with two descriptive numbers of its own, the task features f1 and f2, in a separate file. "
                + "The tasks form two families of linear relations whose weight vectors lie about five units "
                + "apart; which family a task belongs to is decided by its task features alone: family 1 when "
                + "f1 is positive, family 0 otherwise; f2 plays no part. A good gating model should find the two "
                + "families, learn a gate that switches along f1 and ignores f2, and so predict the family "
                + "(and a sensible prior) of a brand-new task from its task features before seeing any of its "
                + "rows.");
    }

    @Override
    MultiTaskDataset build(SyntheticRandom rng, Map<String, Object> truth) {
        double[][] f;
        int attempts = 0;
        do {
            f = SyntheticRandom.round(rng.gaussianMatrix(TASKS, 2, 1.0));
            attempts++;
        } while (Math.min(countPositive(f), TASKS - countPositive(f)) < MIN_CLUSTER_SIZE);

        double sd = Math.sqrt(PRIOR_VARIANCE);
        List<String> tasks = new ArrayList<>();
        List<Integer> clusterOf = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        Map<String, double[]> taskFeatures = new LinkedHashMap<>();
        TaskList list = new TaskList();
        for (int i = 0; i < TASKS; i++) {
            int c = f[i][0] > 0 ? 1 : 0;
            double[] a = SyntheticRandom.round(rng.gaussian(CENTRES[c], sd));
            double[][] x = standardInputs(rng, ROWS, FEATURES);
            list.add(taskName(i), x, linearTargets(rng, x, a, NOISE_SD));
            tasks.add(taskName(i));
            clusterOf.add(c);
            weights.add(a);
            taskFeatures.put(taskName(i), f[i]);
        }
        List<List<String>> clusters = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < TASKS; i++) {
            clusters.get(clusterOf.get(i)).add(tasks.get(i));
        }
        truth.put("generativeModel", "f_i ~ N(0, I₂); c(i) = 1 if f_i1 > 0 else 0; y = A_iᵀx + ε, x ~ N(0, I), "
                + "A_i ~ N(m_c(i), 0.1 I), ε ~ N(0, 0.1²); no intercept");
        truth.put("gateRule", "cluster = 1 if f1 > 0 else 0 (f2 is irrelevant)");
        truth.put("taskFeatureNames", List.of("f1", "f2"));
        truth.put("taskFeatures", taskFeatures);
        truth.put("clusterOfTask", byTask(tasks, clusterOf));
        truth.put("clusters", clusters);
        truth.put("clusterCentres", SyntheticRandom.round(CENTRES));
        truth.put("taskWeights", byTask(tasks, weights));
        truth.put("priorVariance", PRIOR_VARIANCE);
        truth.put("noiseSd", NOISE_SD);
        truth.put("taskFeatureDraws", attempts);
        return new MultiTaskDataset(id(), names("x", FEATURES), TargetType.REGRESSION, List.of(), list.tasks(),
                List.of("f1", "f2"), taskFeatures);
    }

    private static int countPositive(double[][] f) {
        int n = 0;
        for (double[] row : f) {
            if (row[0] > 0) {
                n++;
            }
        }
        return n;
    }

    @Override
    Map<String, String> groundTruthGuide() {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("generativeModel", "the formula the data were drawn from");
        g.put("gateRule", "how a task's cluster follows from its task features");
        g.put("taskFeatureNames", "names of the task features (columns of gated_tasks.csv)");
        g.put("taskFeatures", "task → (f1, f2), the same numbers as gated_tasks.csv");
        g.put("clusterOfTask", "task → planted cluster (0 or 1)");
        g.put("clusters", "the task names of each cluster");
        g.put("clusterCentres", "the two centres m_c of the task weight vectors (2 × 4)");
        g.put("taskWeights", "task → its true weight vector A_i (x1..x4)");
        g.put("priorVariance", "variance of each weight around its cluster centre");
        g.put("noiseSd", "standard deviation of the target noise");
        g.put("taskFeatureDraws", "how many times the task features were drawn until both clusters had at least "
                + MIN_CLUSTER_SIZE + " tasks");
        return g;
    }

    @Override
    String targetNote() {
        return "`target`: a real number (regression)";
    }
}
