package org.mtlworkbench.bench.coalescent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.coalescent.CoalescentDaFactory;
import org.mtlworkbench.model.coalescent.CoalescentMtlFactory;
import org.mtlworkbench.model.coalescent.CoalescentTree;
import org.mtlworkbench.model.coalescent.GreedyCoalescent;
import org.mtlworkbench.model.coalescent.MergeTime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Tree construction and one EM iteration for K tasks × 20 inputs (issue 6). Baseline in the same run: the naive
 * greedy that recomputes every pair distance at every step (O(K³·d), still far cheaper than the reference
 * library's Cholesky per pair per step).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CoalescentBench {

    @Param({"50", "200", "400"})
    public int tasks;

    private double[][] leaves;
    private double[] traces;
    private MultiTaskDataset data;

    @Setup
    public void setup() {
        SplittableRandom rng = new SplittableRandom(42);
        int d = 20;
        leaves = new double[tasks][d];
        traces = new double[tasks];
        List<Task> list = new ArrayList<>();
        List<String> features = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            features.add("x" + j);
        }
        for (int k = 0; k < tasks; k++) {
            for (int j = 0; j < d; j++) {
                leaves[k][j] = gauss(rng);
            }
            traces[k] = 0.01;
            double[][] x = new double[30][d];
            double[] y = new double[30];
            for (int i = 0; i < 30; i++) {
                for (int j = 0; j < d; j++) {
                    x[i][j] = gauss(rng);
                    y[i] += x[i][j] * leaves[k][j];
                }
                y[i] += 0.5 * gauss(rng);
            }
            list.add(Task.of("t" + k, x, y));
        }
        data = new MultiTaskDataset("bench", features, TargetType.REGRESSION, List.of(), list);
    }

    @Benchmark
    public CoalescentTree treeCachedPairs() {
        return GreedyCoalescent.build(leaves, traces);
    }

    @Benchmark
    public double treeNaiveBaseline() {
        return naiveGreedy(leaves, traces);
    }

    /** Initialisation, then one full EM iteration (tree, Λ, K leaf updates with message passes, noise). */
    @Benchmark
    public FittedModel oneEmIterationDa() {
        var f = new CoalescentDaFactory();
        return f.create(f.defaults().with("max-iterations", 1)).fit(data, FitContext.headless(0));
    }

    @Benchmark
    public FittedModel oneEmIterationMtl() {
        var f = new CoalescentMtlFactory();
        return f.create(f.defaults().with("max-iterations", 1)).fit(data, FitContext.headless(0));
    }

    /** Same criterion, every pair's distance recomputed at every step; returns the root height. */
    static double naiveGreedy(double[][] x, double[] t) {
        int k = x.length;
        int d = x[0].length;
        List<double[]> mean = new ArrayList<>();
        List<double[]> state = new ArrayList<>(); // v, h, t
        for (int i = 0; i < k; i++) {
            mean.add(x[i].clone());
            state.add(new double[] {0, 0, t[i]});
        }
        double last = 0;
        while (mean.size() > 1) {
            int n = mean.size();
            double c = n * (n - 1) / 2.0;
            double best = Double.NEGATIVE_INFINITY;
            int ba = -1;
            int bb = -1;
            double bd = 0;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    double q = state.get(a)[2] + state.get(b)[2];
                    for (int j = 0; j < d; j++) {
                        double e = mean.get(a)[j] - mean.get(b)[j];
                        q += e * e;
                    }
                    double s0 = state.get(a)[0] + state.get(b)[0] + 2 * last - state.get(a)[1] - state.get(b)[1];
                    double delay = MergeTime.optimalDelay(c, q, s0, d);
                    double score = MergeTime.score(c, delay, q, s0, d);
                    if (score > best) {
                        best = score;
                        ba = a;
                        bb = b;
                        bd = delay;
                    }
                }
            }
            double h = last + bd;
            double wa = state.get(ba)[0] + h - state.get(ba)[1];
            double wb = state.get(bb)[0] + h - state.get(bb)[1];
            double[] m = new double[d];
            for (int j = 0; j < d; j++) {
                m[j] = (wb * mean.get(ba)[j] + wa * mean.get(bb)[j]) / (wa + wb);
            }
            double fa = wb / (wa + wb);
            double fb = wa / (wa + wb);
            double[] st = {wa * wb / (wa + wb), h, fa * fa * state.get(ba)[2] + fb * fb * state.get(bb)[2]};
            mean.remove(bb);
            state.remove(bb);
            mean.set(ba, m);
            state.set(ba, st);
            last = h;
        }
        return last;
    }

    private static double gauss(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
