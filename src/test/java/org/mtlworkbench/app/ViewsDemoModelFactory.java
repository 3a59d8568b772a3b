package org.mtlworkbench.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ModelSnapshot;
import org.mtlworkbench.model.MultiTaskModel;
import org.mtlworkbench.model.ParamSpec;
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.GroupSparsity;
import org.mtlworkbench.relatedness.RelatednessView;
import org.mtlworkbench.relatedness.TaskMatrix;
import org.mtlworkbench.relatedness.TaskTree;

/**
 * Test-only model (not in main's services file): per-task linear regression by gradient descent on squared error +
 * τ·‖w_t − w̄‖² (shrinkage towards the mean weight), with τ a live parameter read at every step. It reports every
 * kind of relatedness view, so the workbench's τ slider and views can be tested before the real models land. It
 * records every τ it reads, so a test can check that the slider's value reached the model.
 */
final class ViewsDemoModelFactory implements ModelFactory {

    static final String ID = "views-demo";
    /**
     * Every τ the model read that differed from the one before, in order (all runs). Not every read: at full speed a
     * copy-on-write list of every read copied megabytes a step, and that garbage, not the GUI's, filled the frame
     * benchmark's GC pauses (decision 0043).
     */
    static final List<Double> TAUS_SEEN = new CopyOnWriteArrayList<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Views demo (test model)";
    }

    @Override
    public String description() {
        return "Linear regression per task shrunk towards the mean with live strength τ; reports every view type.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInt("steps", 300, 1, 10_000_000, "gradient steps"),
                ParamSpec.ofDouble("learningRate", 0.05, 1e-5, 1, "gradient step size").withLogScale(),
                ParamSpec.ofDouble("tau", 0.5, 0.05, 5, "shrinkage strength towards the mean weight").asLive()
                        .withLogScale(),
                ParamSpec.ofInt("stepDelayMillis", 0, 0, 1000, "sleep after each step (to watch it train)"),
                ParamSpec.ofInt("statusMillis", 0, 0, 60_000,
                        "before the first step, a phase of this length that reports status lines, no steps"),
                ParamSpec.ofDouble("tauDecay", 0, 0, 1, "τ schedule: τ·exp(−tauDecay·step) until the knob is set"));
    }

    @Override
    public boolean supports(TargetType type) {
        return type == TargetType.REGRESSION;
    }

    @Override
    public MultiTaskModel create(ParamValues v) {
        return (train, ctx) -> fit(train, ctx, v);
    }

    private static FittedModel fit(MultiTaskDataset train, FitContext ctx, ParamValues v) {
        int tasks = train.taskCount();
        int d = train.featureCount();
        double[][] w = new double[tasks][d];
        double[][][] xs = new double[tasks][][];
        for (int t = 0; t < tasks; t++) {
            xs[t] = train.task(t).x(); // Task.x() copies: once per fit, not once per row and step
        }
        double lastTau = Double.NaN;
        double lr = v.getDouble("learningRate");
        int delay = v.getInt("stepDelayMillis");
        long phaseEnd = System.nanoTime() + v.getInt("statusMillis") * 1_000_000L;
        for (int i = 1; v.getInt("statusMillis") > 0 && System.nanoTime() < phaseEnd; i++) {
            ctx.checkCancelled();
            ctx.status("warming up: part " + i);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new org.mtlworkbench.model.FitCancelledException();
            }
        }
        for (int step = 1; step <= v.getInt("steps"); step++) {
            double tau = ctx.knobs().getOr("tau", v.getDouble("tau") * Math.exp(-v.getDouble("tauDecay") * step));
            if (Double.compare(tau, lastTau) != 0) {
                TAUS_SEEN.add(tau);
                lastTau = tau;
            }
            double[] mean = mean(w);
            double sse = 0;
            double shrink = 0;
            double[][] grad = new double[tasks][d];
            for (int t = 0; t < tasks; t++) {
                Task task = train.task(t);
                for (int i = 0; i < task.size(); i++) {
                    double r = dot(w[t], xs[t][i]) - task.y(i);
                    sse += r * r;
                    for (int j = 0; j < d; j++) {
                        grad[t][j] += 2 * r * task.x(i, j) / task.size();
                    }
                }
                for (int j = 0; j < d; j++) {
                    double diff = w[t][j] - mean[j];
                    shrink += tau * diff * diff;
                    grad[t][j] += 2 * tau * diff;
                }
            }
            for (int t = 0; t < tasks; t++) {
                for (int j = 0; j < d; j++) {
                    w[t][j] -= lr * grad[t][j];
                }
            }
            double rows = train.totalRows();
            Fitted current = new Fitted(copy(w), train.taskNames());
            ctx.report(new ModelSnapshot(step,
                    java.util.Map.of("loss (total)", sse / rows + shrink / rows, "squared error", sse / rows,
                            "shrinkage penalty", shrink / rows),
                    java.util.Map.of("tau", tau), current.relatedness(), current));
            if (delay > 0) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return current;
                }
            }
        }
        return new Fitted(copy(w), train.taskNames());
    }

    private record Fitted(double[][] w, List<String> names) implements FittedModel {
        @Override
        public Prediction predict(int task, double[][] x) {
            double[] m = new double[x.length];
            double[] var = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                m[i] = dot(w[task], x[i]);
                var[i] = 1;
            }
            return new Prediction.Regression(m, var);
        }

        @Override
        public List<RelatednessView> relatedness() {
            int t = w.length;
            double[][] cos = new double[t][t];
            double[][] dist = new double[t][t];
            for (int a = 0; a < t; a++) {
                for (int b = 0; b < t; b++) {
                    double na = Math.sqrt(dot(w[a], w[a]));
                    double nb = Math.sqrt(dot(w[b], w[b]));
                    cos[a][b] = na == 0 || nb == 0 ? (a == b ? 1 : 0) : dot(w[a], w[b]) / (na * nb);
                    double s = 0;
                    for (int j = 0; j < w[a].length; j++) {
                        s += (w[a][j] - w[b][j]) * (w[a][j] - w[b][j]);
                    }
                    dist[a][b] = Math.sqrt(s);
                }
            }
            int k = Math.min(3, t);
            List<String> comps = new ArrayList<>();
            double[][] alloc = new double[t][k];
            for (int c = 0; c < k; c++) {
                comps.add("c" + (c + 1));
            }
            for (int a = 0; a < t; a++) {
                double z = 0;
                for (int c = 0; c < k; c++) {
                    alloc[a][c] = Math.exp(-dist[a][c * t / k] * dist[a][c * t / k]);
                    z += alloc[a][c];
                }
                for (int c = 0; c < k; c++) {
                    alloc[a][c] /= z;
                }
            }
            int d = w[0].length;
            double[] precision = new double[d];
            List<String> groups = new ArrayList<>();
            double[][] norms = new double[t][d];
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int a = 0; a < t; a++) {
                    s += w[a][j] * w[a][j];
                    norms[a][j] = Math.abs(w[a][j]);
                }
                precision[j] = 1 / (s / t + 1e-6);
                groups.add("x" + (j + 1));
            }
            return List.of(new TaskMatrix("cosine similarity of task weights", names, cos, true),
                    new TaskTree("average-linkage tree of task weights", upgma(dist, names)),
                    new AllocationMatrix("soft assignment to three tasks' weights", names, comps, alloc),
                    new GroupSparsity("per-feature precision", groups, precision, names, norms));
        }
    }

    /** Average-linkage tree; height = half the average distance between the merged clusters. */
    static TaskTree.Node upgma(double[][] dist, List<String> names) {
        List<TaskTree.Node> nodes = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            nodes.add(TaskTree.Node.leaf(names.get(i)));
            members.add(new ArrayList<>(List.of(i)));
        }
        while (nodes.size() > 1) {
            int ba = 0;
            int bb = 1;
            double best = Double.POSITIVE_INFINITY;
            for (int a = 0; a < nodes.size(); a++) {
                for (int b = a + 1; b < nodes.size(); b++) {
                    double s = 0;
                    for (int i : members.get(a)) {
                        for (int j : members.get(b)) {
                            s += dist[i][j];
                        }
                    }
                    s /= members.get(a).size() * members.get(b).size();
                    if (s < best) {
                        best = s;
                        ba = a;
                        bb = b;
                    }
                }
            }
            double h = Math.max(best / 2, Math.max(nodes.get(ba).height(), nodes.get(bb).height()));
            TaskTree.Node merged = TaskTree.Node.merge(nodes.get(ba), nodes.get(bb), h);
            members.get(ba).addAll(members.get(bb));
            nodes.set(ba, merged);
            nodes.remove(bb);
            members.remove(bb);
        }
        return nodes.get(0);
    }

    private static double[] mean(double[][] w) {
        double[] m = new double[w[0].length];
        for (double[] row : w) {
            for (int j = 0; j < m.length; j++) {
                m[j] += row[j] / w.length;
            }
        }
        return m;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[][] copy(double[][] w) {
        double[][] c = new double[w.length][];
        for (int i = 0; i < w.length; i++) {
            c[i] = w[i].clone();
        }
        return c;
    }
}
