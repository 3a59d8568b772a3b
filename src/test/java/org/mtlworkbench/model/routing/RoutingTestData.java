package org.mtlworkbench.model.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.ParamValues;

/** Small data sets and settings for routing tests. */
final class RoutingTestData {

    private RoutingTestData() {
    }

    /** Random inputs; classification labels from a random linear rule per task (or Gaussian targets). */
    static MultiTaskDataset random(int tasks, int rows, int features, int classes, boolean regression) {
        SplittableRandom r = new SplittableRandom(3);
        List<Task> ts = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            labels.add("c" + c);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < features; i++) {
            names.add("f" + i);
        }
        for (int t = 0; t < tasks; t++) {
            double[][] x = new double[rows][features];
            double[] y = new double[rows];
            for (int i = 0; i < rows; i++) {
                double s = 0;
                for (int j = 0; j < features; j++) {
                    x[i][j] = r.nextGaussian();
                    s += x[i][j] * ((j + t) % 3 - 1);
                }
                y[i] = regression ? s + 0.1 * r.nextGaussian() : Math.floorMod((int) Math.floor(s / 3), classes);
            }
            ts.add(Task.of("t" + t, x, y));
        }
        return regression ? new MultiTaskDataset("random", names, TargetType.REGRESSION, List.of(), ts)
                : new MultiTaskDataset("random", names, TargetType.CLASSIFICATION, labels, ts);
    }

    static ParamValues params(String... nameValues) {
        ParamValues p = new RoutingFactory().defaults();
        for (int i = 0; i < nameValues.length; i += 2) {
            p = p.withText(nameValues[i], nameValues[i + 1]);
        }
        return p;
    }

    static RoutingSettings settings(String... nameValues) {
        return RoutingSettings.from(params(nameValues));
    }
}
