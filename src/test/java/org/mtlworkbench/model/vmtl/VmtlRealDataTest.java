package org.mtlworkbench.model.vmtl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.DataSplit;
import org.mtlworkbench.data.SplitSpec;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.experiment.DataPreparation;
import org.mtlworkbench.experiment.DataRequest;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.train.Metrics;

/**
 * Real data with few labels, on the CLI's protocol (same splits, same metrics as {@code mtlwb compare}). The
 * default run keeps one small setting; the full figures of docs/models/vmtl.md come from {@code mtlwb compare}
 * with 5 seeds (the slow test below reruns one of them).
 */
class VmtlRealDataTest {

    static Path dataset(String name, String file) {
        Path dir = Path.of(System.getProperty("mtlwb.shared.dir", "../shared"), "datasets", name);
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared datasets not found at " + dir + ": skipping");
        return dir.resolve(file);
    }

    static double taskMean(String modelId, ParamValues params, DataSplit split, long seed, String metric) {
        ModelFactory f = ModelRegistry.load().get(modelId);
        FittedModel fitted = f.create(params == null ? f.defaults() : params)
                .fit(split.train(), FitContext.headless(seed));
        return Metrics.evaluate(fitted, split.test()).taskAverage().get(metric);
    }

    static DataSplit officeSplit(double fraction, long seed) throws Exception {
        Path csv = dataset("office_caltech10_surf", "office_caltech10_surf.csv");
        return DataPreparation.prepare(new DataRequest(csv, null, TargetType.CLASSIFICATION,
                SplitSpec.fraction(fraction, seed), seed)).split();
    }

    /** Office-Caltech, 5 % labelled rows per domain, one seed: VMTL (300 steps) beats per-domain models. */
    @Test
    void officeCaltechFivePercentBeatsIndependent() throws Exception {
        DataSplit split = officeSplit(0.05, 1);
        ParamValues short300 = new VmtlFactory().defaults().withText("steps", "300");
        double vmtl = taskMean("vmtl", short300, split, 1, Metrics.ACCURACY);
        double independent = taskMean("independent", null, split, 1, Metrics.ACCURACY);
        System.out.printf(Locale.ROOT, "office-caltech 5%%, seed 1: vmtl (300 steps) %.4f, independent %.4f%n",
                vmtl, independent);
        assertThat(vmtl).isGreaterThan(independent).isGreaterThan(0.3);
    }

    static DataSplit landmineSplit(int rowsPerTask, long seed) throws Exception {
        Path csv = dataset("landmine", "landmine.csv");
        return DataPreparation.prepare(new DataRequest(csv, null, null,
                SplitSpec.count(rowsPerTask, seed), seed)).split();
    }

    /**
     * Landmine, 40 rows per task (2–3 positives), one seed, the default 1000 steps (at 300 the untied heads have not
     * overfitted yet: 0.685 against 0.698 on seed 1; at 1000, 0.671 against 0.706): tying the task heads through the
     * representation prior (λ_z = 1, the setting for closely related tasks, decision 0033) lifts the mean AUC well
     * above the default λ_z = 1e−3, whose per-task heads overfit (seeds 11–12, 1000 steps: 0.63 → 0.72).
     */
    @Test
    void landmineTiedHeadsBeatUntiedHeads() throws Exception {
        DataSplit split = landmineSplit(40, 1);
        ParamValues untied = new VmtlFactory().defaults();
        ParamValues tied = untied.withText("klWeightZ", "1");
        double aucUntied = taskMean("vmtl", untied, split, 1, Metrics.AUC);
        double aucTied = taskMean("vmtl", tied, split, 1, Metrics.AUC);
        double independent = taskMean("independent", null, split, 1, Metrics.AUC);
        System.out.printf(Locale.ROOT, "landmine 40 rows, seed 1: vmtl λ_z=1e-3 %.4f, λ_z=1 %.4f, "
                + "independent %.4f%n", aucUntied, aucTied, independent);
        assertThat(aucTied).isGreaterThan(aucUntied + 0.02).isGreaterThan(0.69);
    }

    /**
     * Landmine at 40 rows per task over seeds 1–5 with the setting for closely related tasks (λ_z = 1, 256 prediction
     * samples; chosen on seeds 11–12): mean AUC above independent's (measured 0.7218 against 0.7145).
     */
    @Test
    @Tag("slow")
    void landmineTiedHeadsSweepBeatsIndependent() throws Exception {
        ParamValues tied = new VmtlFactory().defaults().withText("klWeightZ", "1").withText("predictSamples", "256");
        double vmtl = 0;
        double independent = 0;
        for (long seed = 1; seed <= 5; seed++) {
            DataSplit split = landmineSplit(40, seed);
            vmtl += taskMean("vmtl", tied, split, seed, Metrics.AUC) / 5;
            independent += taskMean("independent", null, split, seed, Metrics.AUC) / 5;
        }
        System.out.printf(Locale.ROOT, "landmine 40 rows, λ_z = 1: vmtl %.4f, independent %.4f%n", vmtl, independent);
        assertThat(vmtl).isGreaterThan(independent);
    }

    /** Office-Caltech at 5, 10 and 20 % over 5 seeds with the defaults: VMTL's mean accuracy above independent's. */
    @Test
    @Tag("slow")
    void officeCaltechSweepBeatsIndependent() throws Exception {
        for (double fraction : new double[] {0.05, 0.10, 0.20}) {
            double vmtl = 0;
            double independent = 0;
            for (long seed = 1; seed <= 5; seed++) {
                DataSplit split = officeSplit(fraction, seed);
                vmtl += taskMean("vmtl", null, split, seed, Metrics.ACCURACY) / 5;
                independent += taskMean("independent", null, split, seed, Metrics.ACCURACY) / 5;
            }
            System.out.printf(Locale.ROOT, "office-caltech %.0f%%: vmtl %.4f, independent %.4f%n", 100 * fraction,
                    vmtl, independent);
            assertThat(vmtl).as("fraction %s", fraction).isGreaterThan(independent);
        }
    }
}
