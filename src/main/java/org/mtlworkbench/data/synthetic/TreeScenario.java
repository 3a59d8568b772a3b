package org.mtlworkbench.data.synthetic;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.relatedness.TaskTree;

/**
 * ALGORITHMS.md §8.4 (a): a Kingman coalescent on eight leaves, task weight vectors diffusing down it as Brownian
 * motion (Λ = 0.5 I), and linear-Gaussian regression data at the leaves.
 */
final class TreeScenario extends AbstractScenario {

    static final int LEAVES = 8;
    static final int FEATURES = 5;
    static final int ROWS = 30;
    /** Diffusion covariance per unit of tree height: Λ = 0.5 I. */
    static final double DIFFUSION_VARIANCE = 0.5;
    static final double ROOT_SD = 1.0;
    static final double NOISE_SD = 0.2;
    /** Merge heights are rounded to this many decimals, so Newick branch lengths (6 significant digits) are exact. */
    static final int HEIGHT_DECIMALS = 5;

    TreeScenario() {
        super("tree", "Tasks down a coalescent tree",
                "Eight regression tasks (t01 to t08), five inputs and 30 rows each. The tasks are the leaves of "
                + "a hidden family tree drawn from Kingman's coalescent: going back in time, lineages merge in "
                + "random pairs, quickly at first and slowly near the root. A weight vector starts at the root "
                + "and drifts randomly (Brownian motion, variance 0.5 per unit of height) down every branch, so "
                + "tasks that split recently have similar weights and tasks that split near the root are "
                + "unrelated. Each task's targets are its leaf weights times the inputs plus noise (sd 0.2). A "
                + "good tree model should rebuild the same tree shape from the data (every group of tasks "
                + "under a common branch recovered) with branch lengths that rise and fall with the true ones; "
                + "the true tree is given in Newick form.");
    }

    @Override
    MultiTaskDataset build(SyntheticRandom rng, Map<String, Object> truth) {
        List<String> tasks = new ArrayList<>();
        List<TaskTree.Node> lineages = new ArrayList<>();
        for (int i = 0; i < LEAVES; i++) {
            tasks.add(taskName(i));
            lineages.add(TaskTree.Node.leaf(taskName(i)));
        }
        // Kingman's coalescent, backwards from the leaves: with k lineages, wait Exp(k(k−1)/2), merge a uniform pair.
        List<TaskTree.Node> merges = new ArrayList<>();
        double time = 0;
        while (lineages.size() > 1) {
            int k = lineages.size();
            time += rng.exponential(k * (k - 1) / 2.0);
            int a = rng.nextInt(k);
            int b = rng.nextInt(k - 1);
            if (b >= a) {
                b++;
            }
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            TaskTree.Node merged = TaskTree.Node.merge(lineages.get(lo), lineages.get(hi), roundHeight(time));
            lineages.remove(hi);
            lineages.set(lo, merged);
            merges.add(merged);
        }
        TaskTree tree = new TaskTree("true coalescent tree", lineages.get(0));

        // Brownian diffusion from the root down: child = parent + N(0, Λ · branch length).
        Map<TaskTree.Node, double[]> value = new IdentityHashMap<>();
        double[] rootWeight = SyntheticRandom.round(rng.gaussian(new double[FEATURES], ROOT_SD));
        diffuse(rng, tree.root(), rootWeight, value);

        List<double[]> leafWeights = new ArrayList<>();
        TaskList list = new TaskList();
        for (int i = 0; i < LEAVES; i++) {
            double[] w = findLeaf(tree.root(), tasks.get(i), value);
            leafWeights.add(w);
            double[][] x = standardInputs(rng, ROWS, FEATURES);
            list.add(tasks.get(i), x, linearTargets(rng, x, w, NOISE_SD));
        }

        List<Map<String, Object>> internal = new ArrayList<>();
        for (TaskTree.Node n : merges) {
            Map<String, Object> node = new LinkedHashMap<>();
            List<String> leaves = new TaskTree("", n).leaves();
            leaves.sort(null);
            node.put("leaves", leaves);
            node.put("height", n.height());
            node.put("weight", value.get(n));
            internal.add(node);
        }
        double[][] cophenetic = new double[LEAVES][LEAVES];
        for (int i = 0; i < LEAVES; i++) {
            for (int j = 0; j < LEAVES; j++) {
                cophenetic[i][j] = i == j ? 0 : roundHeight(2 * tree.mergeHeight(tasks.get(i), tasks.get(j)));
            }
        }
        truth.put("generativeModel", "Kingman coalescent on 8 leaves (waiting time Exp(k(k−1)/2) with k lineages, "
                + "uniform pair); root weight ~ N(0, I); child weight = parent weight + N(0, 0.5 I · branch length); "
                + "y = w_taskᵀx + ε, x ~ N(0, I), ε ~ N(0, 0.2²); no intercept");
        truth.put("newick", tree.toNewick());
        truth.put("rootHeight", tree.root().height());
        truth.put("internalNodes", internal);
        truth.put("copheneticDistance", cophenetic);
        truth.put("leafWeights", byTask(tasks, leafWeights));
        truth.put("rootWeight", rootWeight);
        truth.put("diffusionVariance", DIFFUSION_VARIANCE);
        truth.put("rootSd", ROOT_SD);
        truth.put("noiseSd", NOISE_SD);
        return new MultiTaskDataset(id(), names("x", FEATURES), TargetType.REGRESSION, List.of(), list.tasks());
    }

    private static double roundHeight(double h) {
        double scale = Math.pow(10, HEIGHT_DECIMALS);
        return Math.round(h * scale) / scale;
    }

    private static void diffuse(SyntheticRandom rng, TaskTree.Node node, double[] w,
                                Map<TaskTree.Node, double[]> value) {
        value.put(node, w);
        if (node.isLeaf()) {
            return;
        }
        for (TaskTree.Node child : List.of(node.left(), node.right())) {
            double sd = Math.sqrt(DIFFUSION_VARIANCE * (node.height() - child.height()));
            diffuse(rng, child, SyntheticRandom.round(rng.gaussian(w, sd)), value);
        }
    }

    private static double[] findLeaf(TaskTree.Node node, String task, Map<TaskTree.Node, double[]> value) {
        if (node.isLeaf()) {
            return task.equals(node.task()) ? value.get(node) : null;
        }
        double[] w = findLeaf(node.left(), task, value);
        return w != null ? w : findLeaf(node.right(), task, value);
    }

    @Override
    Map<String, String> groundTruthGuide() {
        Map<String, String> g = new LinkedHashMap<>();
        g.put("generativeModel", "the process the tree and the data were drawn from");
        g.put("newick", "the true tree in Newick form; branch length = parent height − child height");
        g.put("rootHeight", "height of the root (leaves are at height 0)");
        g.put("internalNodes", "every merge in the order it happened: the leaves under it, its height and its "
                + "diffused weight vector");
        g.put("copheneticDistance", "8 × 8 matrix (tasks in order t01..t08): twice the height of the pair's "
                + "lowest common ancestor");
        g.put("leafWeights", "task → its true weight vector (x1..x5)");
        g.put("rootWeight", "the weight vector at the root");
        g.put("diffusionVariance", "Λ = diffusionVariance · I per unit of height");
        g.put("rootSd", "standard deviation of each root weight");
        g.put("noiseSd", "standard deviation of the target noise");
        return g;
    }

    @Override
    String targetNote() {
        return "`target`: a real number (regression)";
    }
}
