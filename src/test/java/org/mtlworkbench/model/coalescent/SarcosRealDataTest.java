package org.mtlworkbench.model.coalescent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.DataSplit;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.SplitSpec;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.experiment.DataPreparation;
import org.mtlworkbench.experiment.DataRequest;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.model.Prediction;

/**
 * SARCOS, the VSTG-MTL subsample with its 10 fixed train/test splits: test RMSE per joint (mean ± sd over splits)
 * for coalescent-da, coalescent-mtl, independent and pooled. The DA variant must match per-task regression within
 * 2 % on every joint (the joints share little, so the tree should not hurt) and beat pooling by far.
 */
@Tag("slow")
class SarcosRealDataTest {

    private static final List<String> MODELS = List.of("coalescent-da", "coalescent-mtl", "independent", "pooled");

    @Test
    void rmsePerJointOverTheTenSplits() throws Exception {
        Path dir = Path.of(System.getProperty("mtlwb.shared.dir", "../shared"), "datasets", "sarcos");
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared datasets not found at " + dir + ": skipping");
        ModelRegistry registry = ModelRegistry.load();
        double[][][] rmse = new double[MODELS.size()][7][10];
        for (int s = 0; s < 10; s++) {
            SplitSpec spec = SplitSpec.file(dir.resolve("sarcos_vstg_splits.csv").toString(), "split" + (s + 1), 0, 0);
            DataSplit split = DataPreparation.prepare(new DataRequest(dir.resolve("sarcos_vstg_tidy.csv"), null,
                    null, spec)).split();
            for (int m = 0; m < MODELS.size(); m++) {
                ModelFactory f = registry.get(MODELS.get(m));
                FittedModel fit = f.create(f.defaults()).fit(split.train(), FitContext.headless(s + 1));
                for (int t = 0; t < 7; t++) {
                    rmse[m][t][s] = rmse(fit, t, split.test());
                }
            }
        }
        for (int m = 0; m < MODELS.size(); m++) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "sarcos RMSE per joint, %-15s", MODELS.get(m)));
            for (int t = 0; t < 7; t++) {
                sb.append(String.format(Locale.ROOT, "  j%d %.3f±%.3f", t + 1, mean(rmse[m][t]), sd(rmse[m][t])));
            }
            System.out.println(sb);
        }
        for (int t = 0; t < 7; t++) {
            assertThat(mean(rmse[0][t])).as("joint " + (t + 1)).isLessThanOrEqualTo(1.02 * mean(rmse[2][t]));
            assertThat(mean(rmse[0][t])).as("joint " + (t + 1)).isLessThan(0.6 * mean(rmse[3][t]));
        }
    }

    private static double rmse(FittedModel fit, int task, MultiTaskDataset test) {
        Task t = test.task(task);
        double[] p = ((Prediction.Regression) fit.predict(task, t.x())).mean();
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            s += (p[i] - t.y(i)) * (p[i] - t.y(i));
        }
        return Math.sqrt(s / p.length);
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v / a.length;
        }
        return s;
    }

    private static double sd(double[] a) {
        double m = mean(a);
        double s = 0;
        for (double v : a) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (a.length - 1));
    }
}
