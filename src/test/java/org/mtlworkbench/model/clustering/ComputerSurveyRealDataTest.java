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
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.train.Metrics;

/**
 * computer_survey (Lenk et al. 1996): 190 people rate 20 computer profiles; profiles 1–16 train, the holdout
 * profiles 17–20 test; person covariates as task features. RMSE over all 760 test rows. The aim: the
 * clustering or the gating prior below 1.85 (per-person ridge 1.96–1.99, pooled ridge 2.45, the reference library
 * 1.877, published hierarchical Bayes ≈ 1.90).
 */
class ComputerSurveyRealDataTest {

    @Test
    void clusterPriorsBeatTheAimOnTheHoldoutProfiles() throws Exception {
        Path dir = RealData.dataset("computer_survey");
        MultiTaskDataset all = CsvImporter.read(dir.resolve("computer_survey.csv"), ImportOptions.defaults());
        // the person table's key column is `task`, the same person numbers as the data's task column
        all = CsvImporter.attachTaskFeatures(all, dir.resolve("computer_survey_persons.csv"));
        assertThat(all.taskFeatures(all.task(0).name())).hasSize(6);
        DataSplit split = Splitter.bySplitFile(all, dir.resolve("computer_survey_profiles.csv"), "split");
        assertThat(split.test().totalRows()).isEqualTo(760);

        Map<String, Double> rmse = new LinkedHashMap<>();
        for (String act : new String[] {"none", "linear"}) {
            for (HbFactory f : new HbFactory[] {new HbFactory.Single(), new HbFactory.DependentMean(),
                    new HbFactory.Clustering(), new HbFactory.Gating()}) {
                ParamValues v = f.defaults().with("activation", act);
                long t0 = System.nanoTime();
                HbFitted fit = ((HbModel) f.create(v)).fit(split.train(), FitContext.headless(1));
                double secs = (System.nanoTime() - t0) / 1e9;
                double[][] ym = RealData.targetsAndMeans(fit, split.test());
                double r = Metrics.rmse(ym[0], ym[1]);
                rmse.put(f.id() + " " + act, r);
                System.out.printf("computer_survey %-18s %-6s RMSE %.4f  σ %.3f  fit %.2f s  weights %s%n", f.id(),
                        act, r, fit.noiseSd(), secs, java.util.Arrays.toString(fit.clusterWeights()));
            }
        }
        assertThat(Math.min(rmse.get("clustering none"), rmse.get("gating none"))).isLessThan(1.85);
        assertThat(Math.min(rmse.get("clustering linear"), rmse.get("gating linear"))).isLessThan(1.85);
    }
}
