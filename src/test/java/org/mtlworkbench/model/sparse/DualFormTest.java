package org.mtlworkbench.model.sparse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.data.synthetic.Scenarios;

/**
 * The dual (N×N, Woodbury) form of q(W) against the primal (D×D) form on a problem with more features than rows:
 * the same means, diagonal covariance blocks, tr(XᵀXS), log|S| and predictive variances, with uneven groups
 * (sizes 1, 2 and 7) and non-trivial ⟨γ_i⟩, ⟨Ω_i⁻¹⟩.
 */
class DualFormTest {

    @Test
    void dualEqualsPrimal() {
        MultiTaskDataset full = Scenarios.get("sparse").generate(4).dataset();
        int[] rows = IntStream.range(0, 12).toArray();
        List<Task> tasks = new ArrayList<>();
        for (int t = 0; t < 5; t++) {
            tasks.add(full.task(t).select(rows));
        }
        MultiTaskDataset ds = full.withTasks("wide", tasks);
        FeatureGroups groups = FeatureGroups.of("per-feature", 1, ds.featureNames());
        TaskData data = TaskData.of(ds, groups.permutation());
        int[] off = {0, 1, 3, 10, 20};
        double[] gamma = {0.7, 3.0, 0.2, 11.0};
        DMatrixRMaj[] lambda = new DMatrixRMaj[4];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
        for (int g = 0; g < 4; g++) {
            int n = off[g + 1] - off[g];
            DMatrixRMaj b = new DMatrixRMaj(n, n);
            for (int i = 0; i < b.data.length; i++) {
                b.data[i] = rng.nextDouble() - 0.5;
            }
            DMatrixRMaj spd = new DMatrixRMaj(n, n);
            org.ejml.dense.row.CommonOps_DDRM.multTransA(b, b, spd);
            for (int i = 0; i < n; i++) {
                spd.add(i, i, 0.5);
            }
            lambda[g] = spd;
        }
        DMatrixRMaj priorMean = new DMatrixRMaj(5, 20);
        for (int i = 0; i < priorMean.data.length; i++) {
            priorMean.data[i] = rng.nextDouble() - 0.5;
        }
        WFactor primal = WFactor.update(data, off, gamma, lambda, 0.3, 0.05, priorMean, false);
        WFactor dual = WFactor.update(data, off, gamma, lambda, 0.3, 0.05, priorMean, true);
        for (int i = 0; i < primal.mean.data.length; i++) {
            assertThat(dual.mean.data[i]).as("mean %d", i).isCloseTo(primal.mean.data[i], within(1e-9));
        }
        for (int g = 0; g < 4; g++) {
            for (int i = 0; i < primal.sumBlocks[g].data.length; i++) {
                assertThat(dual.sumBlocks[g].data[i]).as("block %d entry %d", g, i)
                        .isCloseTo(primal.sumBlocks[g].data[i], within(1e-9));
            }
        }
        assertThat(dual.traceGramCov).isCloseTo(primal.traceGramCov, within(1e-8 * Math.abs(primal.traceGramCov)));
        assertThat(dual.sumLogDet).isCloseTo(primal.sumLogDet, within(1e-8 * Math.abs(primal.sumLogDet)));
        double[] x = new double[20];
        for (int j = 0; j < 20; j++) {
            x[j] = rng.nextDouble() - 0.5;
        }
        assertThat(dual.covariance.quadratic(2, x)).isCloseTo(primal.covariance.quadratic(2, x), within(1e-10));
    }
}
