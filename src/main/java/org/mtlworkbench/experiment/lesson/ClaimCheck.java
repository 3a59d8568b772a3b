package org.mtlworkbench.experiment.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.GroupSparsity;
import org.mtlworkbench.relatedness.RelatednessView;
import org.mtlworkbench.relatedness.TaskMatrix;
import org.mtlworkbench.relatedness.TaskTree;
import org.mtlworkbench.train.RunResult;

/**
 * Tests a lesson's {@link Claim} on what the model produced: its relatedness views against the sample's planted
 * ground truth, or its predictions and metrics against a reference model trained on the same split.
 */
public final class ClaimCheck {

    /**
     * What a check reads.
     *
     * @param result      the step's model, trained
     * @param reference   the claim's reference model trained on the same data, split and seed, or null
     * @param groundTruth the {@code groundTruth} object of the sample's ground_truth.json, or null
     * @param test        the test rows (probe inputs for the shrinkage claim)
     */
    public record Input(RunResult result, RunResult reference, JsonNode groundTruth, MultiTaskDataset test) {
    }

    private ClaimCheck() {
    }

    public static ClaimResult check(Claim c, Input in) {
        FittedModel m = in.result().model();
        if (m == null) {
            throw new IllegalStateException("the run has no model (" + in.result().state() + ")");
        }
        return switch (c.kind()) {
            case "clusters-match" -> clustersMatch(c, view(m, AllocationMatrix.class, c.view()), truth(in,
                    "clusterOfTask"));
            case "tree-clades" -> treeClades(c, view(m, TaskTree.class, c.view()), truth(in, "newick").asText());
            case "rows-one-hot" -> ClaimResult.atLeast(meanRowMax(view(m, TaskMatrix.class, c.view())), c.threshold(),
                    "mean largest weight per row");
            case "rows-spread" -> ClaimResult.atMost(meanRowMax(view(m, TaskMatrix.class, c.view())), c.threshold(),
                    "mean largest weight per row");
            case "active-groups-lowest" -> activeGroups(c, view(m, GroupSparsity.class, c.view()),
                    truth(in, "activeGroups"));
            case "shrinkage" -> ClaimResult.atMost(spread(m, in.test()) / spread(reference(in).model(), in.test()),
                    c.threshold(), "spread of the tasks' predictions about their mean, relative to "
                            + c.reference().id());
            case "metric-gain" -> ClaimResult.atLeast(in.result().test().get(c.view())
                    - reference(in).test().get(c.view()), c.threshold(), "test " + c.view() + " minus "
                    + c.reference().id() + "'s");
            default -> throw new IllegalArgumentException("unknown claim kind " + c.kind());
        };
    }

    private static RunResult reference(Input in) {
        if (in.reference() == null || in.reference().model() == null) {
            throw new IllegalStateException("this claim compares with a reference model, which has not been trained");
        }
        return in.reference();
    }

    private static JsonNode truth(Input in, String field) {
        JsonNode v = in.groundTruth() == null ? null : in.groundTruth().get(field);
        if (v == null || v.isNull()) {
            throw new IllegalStateException("the data has no planted \"" + field + "\" to check the claim against");
        }
        return v;
    }

    /** The first view of the type whose title contains {@code titlePart} (any title when null). */
    static <T extends RelatednessView> T view(FittedModel m, Class<T> type, String titlePart) {
        for (RelatednessView v : m.relatedness()) {
            if (type.isInstance(v) && (titlePart == null || v.title().contains(titlePart))) {
                return type.cast(v);
            }
        }
        throw new IllegalStateException("the model reports no " + type.getSimpleName() + " view"
                + (titlePart == null ? "" : " titled \"…" + titlePart + "…\""));
    }

    private static ClaimResult clustersMatch(Claim c, AllocationMatrix a, JsonNode clusterOfTask) {
        int n = a.tasks().size();
        int[] learned = new int[n];
        int[] planted = new int[n];
        for (int i = 0; i < n; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < a.components().size(); k++) {
                if (a.get(i, k) > best) {
                    best = a.get(i, k);
                    learned[i] = k;
                }
            }
            JsonNode t = clusterOfTask.get(a.tasks().get(i));
            if (t == null) {
                throw new IllegalStateException("task " + a.tasks().get(i) + " has no planted cluster");
            }
            planted[i] = t.asInt();
        }
        return ClaimResult.atLeast(AdjustedRand.of(learned, planted), c.threshold(),
                "adjusted Rand index of the most likely cluster per task vs the planted clusters");
    }

    private static ClaimResult treeClades(Claim c, TaskTree tree, String newick) {
        Set<Set<String>> planted = Clades.ofNewick(newick);
        Set<Set<String>> learned = Clades.of(tree);
        long found = planted.stream().filter(learned::contains).count();
        return ClaimResult.atLeast(found / (double) planted.size(), c.threshold(),
                "fraction of the " + planted.size() + " planted clades the learned tree has");
    }

    /** Mean over rows of the largest entry divided by the row sum: 1/n for uniform rows, 1 for one-hot rows. */
    static double meanRowMax(TaskMatrix t) {
        double sum = 0;
        for (int i = 0; i < t.size(); i++) {
            double max = 0;
            double total = 0;
            for (int j = 0; j < t.size(); j++) {
                max = Math.max(max, t.get(i, j));
                total += t.get(i, j);
            }
            sum += total > 0 ? max / total : 0;
        }
        return sum / t.size();
    }

    private static ClaimResult activeGroups(Claim c, GroupSparsity g, JsonNode activeNode) {
        List<Integer> active = new ArrayList<>();
        activeNode.forEach(x -> active.add(x.asInt()));
        double maxActive = 0;
        double minInactive = Double.POSITIVE_INFINITY;
        double[] p = g.precision();
        for (int i = 0; i < p.length; i++) {
            if (active.contains(i)) {
                maxActive = Math.max(maxActive, p[i]);
            } else {
                minInactive = Math.min(minInactive, p[i]);
            }
        }
        return ClaimResult.atLeast(minInactive / maxActive, c.threshold(),
                "smallest precision of an irrelevant group / largest of a truly active one");
    }

    /**
     * How far the tasks' fitted functions lie from their mean: the variance across tasks of the predicted mean,
     * averaged over every test input of every task (the same probe points for every task).
     */
    static double spread(FittedModel m, MultiTaskDataset probe) {
        List<double[]> rows = new ArrayList<>();
        for (Task t : probe.tasks()) {
            rows.addAll(List.of(t.x()));
        }
        double[][] x = rows.toArray(new double[0][]);
        int tasks = probe.taskCount();
        double[][] mean = new double[tasks][];
        for (int t = 0; t < tasks; t++) {
            Prediction p = m.predict(t, x);
            if (!(p instanceof Prediction.Regression r)) {
                throw new IllegalStateException("the shrinkage claim needs a regression model");
            }
            mean[t] = r.mean();
        }
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            double avg = 0;
            for (int t = 0; t < tasks; t++) {
                avg += mean[t][i];
            }
            avg /= tasks;
            for (int t = 0; t < tasks; t++) {
                total += (mean[t][i] - avg) * (mean[t][i] - avg);
            }
        }
        return total / (x.length * (double) tasks);
    }
}
