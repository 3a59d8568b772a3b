package org.mtlworkbench.bench.sparse;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.sparse.SparseGigBenchAccess;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Time per variational EM iteration of sparse-gig: P = 50 tasks on N = 2000 shared rows, D inputs in 20 groups,
 * K = 5. D = 100 is the set-up; larger D shows the growth, with the dual form once D &gt; N.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SparseGigIterationBench {

    @Param({"100", "400", "1600", "3200"})
    public int features;

    private SparseGigBenchAccess state;

    @Setup
    public void setUp() {
        int p = 50;
        int n = 2000;
        SplittableRandom rng = new SplittableRandom(42);
        double[][] x = new double[n][features];
        for (double[] r : x) {
            for (int j = 0; j < features; j++) {
                r[j] = rng.nextGaussian();
            }
        }
        List<Task> tasks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("x" + j);
        }
        for (int t = 0; t < p; t++) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = x[i][0] * (t % 2 == 0 ? 1 : -1) + 0.5 * x[i][1] + rng.nextGaussian();
            }
            tasks.add(Task.of("t" + t, x, y));
        }
        MultiTaskDataset ds = new MultiTaskDataset("bench", names, TargetType.REGRESSION, List.of(), tasks);
        state = SparseGigBenchAccess.create(ds, features / 20, 5);
        state.iterate();
    }

    @Benchmark
    public double iteration() {
        return state.iterate();
    }
}
