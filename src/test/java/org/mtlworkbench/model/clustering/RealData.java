package org.mtlworkbench.model.clustering;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;

/** Locating the shared data sets, and pooled metrics over all test rows. */
final class RealData {

    private RealData() {
    }

    static Path dataset(String name) {
        Path dir = Path.of(System.getProperty("mtlwb.shared.dir", "../shared"), "datasets", name);
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared datasets not found at " + dir + ": skipping");
        return dir;
    }

    /** Targets and predictive means over every test row of every task, concatenated. */
    static double[][] targetsAndMeans(FittedModel fit, MultiTaskDataset test) {
        int n = test.totalRows();
        double[] y = new double[n];
        double[] m = new double[n];
        int at = 0;
        for (int i = 0; i < test.taskCount(); i++) {
            Task t = test.task(i);
            if (t.size() == 0) {
                continue;
            }
            double[] mean = ((Prediction.Regression) fit.predict(i, t.x())).mean();
            for (int r = 0; r < t.size(); r++) {
                y[at] = t.y(r);
                m[at++] = mean[r];
            }
        }
        return new double[][] {y, m};
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return v.length > 1 ? Math.sqrt(s / (v.length - 1)) : 0;
    }
}
