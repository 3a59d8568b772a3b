package org.mtlworkbench.data.synthetic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;

/** ALGORITHMS.md §8.1: linear regression tasks whose weight vectors fall into three well-separated clusters. */
final class ClusteredScenario extends AbstractScenario {

    static final int TASKS = 12;
    static final int FEATURES = 4;
    static final int ROWS = 50;
    static final double PRIOR_VARIANCE = 0.1;
    static final double NOISE_SD = 0.1;
    /** Cluster centres m_c of the task weights; pairwise distances 4.6–5.0, spread within a cluster ≈ 0.9. */
    static final double[][] CENTRES = {
        {2, 2, 0, -1},
        {-2, 2, 1, 1},
        {0, -2, -1, 1},
    };

    ClusteredScenario() {
        super("clustered", "Clustered regression tasks",
                "Twelve regression tasks (t01 to t12), each predicting a number from four inputs x1 to x4 with "
                + "50 rows and a little noise. Every task is a straight-line (linear) relation, but the tasks "
                + "come in three families: task i belongs to cluster i mod 3, and the weight vectors of a "
                + "family are scattered tightly around that family's centre (variance 0.1 per weight), while "
                + "the three centres lie about five units apart. Nothing in the file says which task is in which "
                + "family. A good multi-task model should discover the three clusters on its own (same "
                + "partition as planted, up to renaming), give each cluster about a third of the tasks, and "
                + "predict better than fitting each task alone when only a few rows per task are used.");
    }

    @Override
    MultiTaskDataset build(SyntheticRandom rng, Map<String, Object> truth) {
        double sd = Math.sqrt(PRIOR_VARIANCE);
        List<String> tasks = new ArrayList<>();
        List<Integer> clusterOf = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        TaskList list = new TaskList();
        for (int i = 0; i < TASKS; i++) {
            int c = i % CENTRES.length;
            double[] a = SyntheticRandom.round(rng.gaussian(CENTRES[c], sd));
            double[][] x = standardInputs(rng, ROWS, FEATURES);
            list.add(taskName(i), x, linearTargets(rng, x, a, NOISE_SD));
            tasks.add(taskName(i));
            clusterOf.add(c);
            weights.add(a);
        }
        List<List<String>> clusters = new ArrayList<>();
        for (int c = 0; c < CENTRES.length; c++) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < TASKS; i++) {
                if (clusterOf.get(i) == c) {
                    members.add(tasks.get(i));
                }
            }
            clusters.add(members);
        }
        truth.put("generativeModel", "y = A_iᵀx + ε, x ~ N(0, I), A_i ~ N(m_c(i), 0.1 I), c(i) = i mod 3 "
                + "(i = 0-based task index), ε ~ N(0, 0.1²); no intercept");
        truth.put("clusterOfTask", byTask(tasks, clusterOf));
        truth.put("clusters", clusters);
        truth.put("clusterCentres", SyntheticRandom.round(CENTRES));
        truth.put("taskWeights", byTask(tasks, weights));
        truth.put("priorVariance", PRIOR_VARIANCE);
        truth.put("noiseSd", NOISE_SD);
        return new MultiTaskDataset(id(), names("x", FEATURES), TargetType.REGRESSION, List.of(), list.tasks());
    }

    @Override
    Map<String, String> groundTruthGuide() {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("generativeModel", "the formula the data were drawn from");
        g.put("clusterOfTask", "task → planted cluster index (0, 1, 2)");
        g.put("clusters", "the task names of each cluster");
        g.put("clusterCentres", "the three centres m_c of the task weight vectors (3 × 4)");
        g.put("taskWeights", "task → its true weight vector A_i (x1..x4)");
        g.put("priorVariance", "variance of each weight around its cluster centre");
        g.put("noiseSd", "standard deviation of the target noise");
        return g;
    }

    @Override
    String targetNote() {
        return "`target`: a real number (regression)";
    }
}
