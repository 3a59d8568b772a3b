package org.mtlworkbench.model.vmtl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;

/** Random classification data of a given shape (for memory and speed checks, where only shapes matter). */
final class VmtlTestData {

    private VmtlTestData() {
    }

    static MultiTaskDataset random(int tasks, int rows, int features, int classes) {
        SplittableRandom r = new SplittableRandom(1);
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
                for (int j = 0; j < features; j++) {
                    x[i][j] = r.nextGaussian();
                }
                y[i] = r.nextInt(classes);
            }
            ts.add(Task.of("t" + t, x, y));
        }
        return new MultiTaskDataset("random", names, TargetType.CLASSIFICATION, labels, ts);
    }
}
