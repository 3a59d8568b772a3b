package org.mtlworkbench.train;

import java.util.List;
import org.mtlworkbench.data.DataSplit;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Standardizer;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;

/** Small hand-made data for runtime tests. */
final class TestData {

    private TestData() {
    }

    static MultiTaskDataset regression(String name, double[] ya, double[] yb) {
        return new MultiTaskDataset(name, List.of("x"), TargetType.REGRESSION, List.of(),
                List.of(Task.of("a", column(ya.length), ya), Task.of("b", column(yb.length), yb)));
    }

    static double[][] column(int n) {
        double[][] x = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = i;
        }
        return x;
    }

    /** Train targets average 4; test targets differ, so train and test metrics differ. */
    static DataSplit split() {
        MultiTaskDataset train = regression("toy-train", new double[] {1, 3, 5}, new double[] {4, 7});
        MultiTaskDataset test = regression("toy-test", new double[] {2, 6}, new double[] {3});
        return new DataSplit(train, test, Standardizer.identity(1), "hand-made");
    }
}
