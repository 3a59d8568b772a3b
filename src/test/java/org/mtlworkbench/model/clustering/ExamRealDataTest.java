package org.mtlworkbench.model.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.CsvImporter;
import org.mtlworkbench.data.DataSplit;
import org.mtlworkbench.data.ImportOptions;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Splitter;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.train.Metrics;

/**
 * mlmrev_exam (inner-London schools, 65 tasks): explained variance over all test rows, 10 seeded 75/25 splits per
 * school, for the single-Gaussian and the clustering prior on the inputs themselves (activation none). The
 * school data anchor of the paper (139 schools) is 29.5 ± 0.4 %; this is the smaller public relative.
 */
class ExamRealDataTest {

    @Test
    void explainedVarianceOverTenSplits() throws Exception {
        Path dir = RealData.dataset("mlmrev_exam");
        MultiTaskDataset all = CsvImporter.read(dir.resolve("mlmrev_exam.csv"), ImportOptions.defaults());
        Map<String, double[]> ev = new LinkedHashMap<>();
        HbFactory[] factories = {new HbFactory.Single(), new HbFactory.Clustering()};
        for (HbFactory f : factories) {
            ev.put(f.id(), new double[10]);
        }
        for (int seed = 1; seed <= 10; seed++) {
            DataSplit split = Splitter.byFraction(all, 0.75, seed);
            for (HbFactory f : factories) {
                HbFitted fit = ((HbModel) f.create(f.defaults().with("activation", "none")))
                        .fit(split.train(), FitContext.headless(seed));
                double[][] ym = RealData.targetsAndMeans(fit, split.test());
                ev.get(f.id())[seed - 1] = Metrics.explainedVariance(ym[0], ym[1]);
            }
        }
        ev.forEach((id, v) -> System.out.printf("mlmrev_exam %-12s explained variance %.4f ± %.4f%n", id,
                RealData.mean(v), RealData.sd(v)));
        // measured 0.45 for both; clearly below 0.40 would mean the prior no longer pools the schools sensibly
        for (double[] v : ev.values()) {
            assertThat(RealData.mean(v)).isGreaterThan(0.40);
        }
    }
}
