package org.mtlworkbench.bench.clustering;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.mtlworkbench.data.CsvImporter;
import org.mtlworkbench.data.ImportOptions;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Splitter;
import org.mtlworkbench.data.Standardizer;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.model.clustering.ReferenceDemo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The three timings for the Bakker–Heskes family, each next to a per-task ridge regression on the same
 * data (the baseline of the ratio): one EM step on the reference demo (tanh, 4 hidden units, 2 clusters), a whole
 * clustering fit on computer_survey's training profiles (default restarts; activation none, the default, and
 * linear with 4 hidden units), and a whole clustering fit on a synthetic problem of the School data's size
 * (139 tasks, 15,000 rows, 27 inputs; linear and none).
 * Run: {@code ./bench 'ClusteringBench' -f 1 -wi 2 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClusteringBench {

    private static final int DEMO_STEPS = 100;

    private ModelFactory clustering;
    private MultiTaskDataset demo;
    private MultiTaskDataset survey;
    private MultiTaskDataset school;

    @Setup
    public void setUp() throws Exception {
        clustering = ModelRegistry.load().get("clustering");
        demo = ReferenceDemo.generate(ReferenceDemo.Prior.CLUSTERED, true, 42).train;
        Path dir = Path.of(System.getProperty("mtlwb.shared.dir", "../shared"), "datasets", "computer_survey");
        MultiTaskDataset all = CsvImporter.read(dir.resolve("computer_survey.csv"), ImportOptions.defaults());
        survey = Splitter.bySplitFile(all, dir.resolve("computer_survey_profiles.csv"), "split").train();
        school = schoolSized(7);
    }

    /** 100 EM steps of one restart (its warm-up and k-means start included), per step. */
    @Benchmark
    @OperationsPerInvocation(DEMO_STEPS)
    public Object demoEmStepTanh() {
        ParamValues v = clustering.defaults().with("activation", "tanh").with("hidden", 4).with("clusters", 2)
                .with("restarts", 1).with("iterations", DEMO_STEPS).with("tolerance", 0.0);
        return clustering.create(v).fit(demo, FitContext.headless(1));
    }

    @Benchmark
    public Object demoRidgeBaseline() {
        return ridgePerTask(demo, 1.0);
    }

    @Benchmark
    public Object surveyFitNone() {
        return clustering.create(clustering.defaults().with("activation", "none")).fit(survey,
                FitContext.headless(1));
    }

    @Benchmark
    public Object surveyFitLinear() {
        return clustering.create(clustering.defaults().with("activation", "linear")).fit(survey,
                FitContext.headless(1));
    }

    @Benchmark
    public Object surveyRidgeBaseline() {
        return ridgePerTask(survey, 1.0);
    }

    @Benchmark
    public Object schoolSizedFitLinear() {
        return clustering.create(clustering.defaults().with("activation", "linear")).fit(school,
                FitContext.headless(1));
    }

    @Benchmark
    public Object schoolSizedFitNone() {
        return clustering.create(clustering.defaults().with("activation", "none")).fit(school,
                FitContext.headless(1));
    }

    @Benchmark
    public Object schoolSizedRidgeBaseline() {
        return ridgePerTask(school, 1.0);
    }

    /** Per-task ridge regression (with intercept) by Cholesky: the baseline every timing is divided by. */
    static double[][] ridgePerTask(MultiTaskDataset ds, double lambda) {
        int d = ds.featureCount() + 1;
        double[][] out = new double[ds.taskCount()][];
        for (int i = 0; i < ds.taskCount(); i++) {
            Task t = ds.task(i);
            DMatrixRMaj a = new DMatrixRMaj(d, d);
            DMatrixRMaj b = new DMatrixRMaj(d, 1);
            double[] row = new double[d];
            for (int r = 0; r < t.size(); r++) {
                for (int j = 0; j < d - 1; j++) {
                    row[j] = t.x(r, j);
                }
                row[d - 1] = 1;
                for (int u = 0; u < d; u++) {
                    b.data[u] += row[u] * t.y(r);
                    for (int v = 0; v < d; v++) {
                        a.data[u * d + v] += row[u] * row[v];
                    }
                }
            }
            for (int u = 0; u < d; u++) {
                a.data[u * d + u] += lambda;
            }
            DMatrixRMaj w = new DMatrixRMaj(d, 1);
            CommonOps_DDRM.solveSPD(a, b, w);
            out[i] = w.data;
        }
        return out;
    }

    /** 139 tasks, 15,000 rows (sizes 50–166), 27 standard-normal inputs, weights from three clusters. */
    static MultiTaskDataset schoolSized(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int tasks = 139;
        int d = 27;
        double[][] centres = new double[3][d];
        for (double[] c : centres) {
            for (int j = 0; j < d; j++) {
                c[j] = rng.nextGaussian();
            }
        }
        List<Task> list = new ArrayList<>();
        int remaining = 15_000;
        for (int i = 0; i < tasks; i++) {
            int n = i == tasks - 1 ? remaining : 50 + rng.nextInt(117);
            n = Math.min(n, remaining - 50 * (tasks - 1 - i));
            remaining -= n;
            double[] w = centres[i % 3].clone();
            for (int j = 0; j < d; j++) {
                w[j] += 0.3 * rng.nextGaussian();
            }
            double[][] x = new double[n][d];
            double[] y = new double[n];
            for (int r = 0; r < n; r++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    x[r][j] = rng.nextGaussian();
                    s += w[j] * x[r][j];
                }
                y[r] = s + rng.nextGaussian();
            }
            list.add(Task.of("school" + i, x, y));
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("x" + (j + 1));
        }
        MultiTaskDataset ds = new MultiTaskDataset("school-sized", names, TargetType.REGRESSION, List.of(), list);
        if (ds.totalRows() != 15_000) {
            throw new IllegalStateException("school-sized problem has " + ds.totalRows() + " rows");
        }
        Standardizer.fit(ds); // inputs are already standard normal; kept to mirror the runtime's preparation
        return ds;
    }
}
