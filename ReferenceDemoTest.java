package org.mtlworkbench.model.coalescent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.model.Prediction;

/**
 * The reference library's demo set-up (20 tasks, 40 + 40 rows, 10 inputs; seeds 0–4; 50 EM steps). There the
 * library reaches mean test R² 0.459 against 0.455 for per-task least squares and 0.601 for the true weights. On our
 * redraw of the same recipe the MTL variant must close at least half of the gap between least squares and the true
 * weights.
 */
class ReferenceDemoTest {

    @Test
    void multiTaskVariantClosesAtLeastHalfTheGapToTheTrueWeights() {
        double[] ours = new double[3];
        double ls = 0;
        double truth = 0;
        int seeds = 5;
        for (long seed = 0; seed < seeds; seed++) {
            ReferenceDemo demo = ReferenceDemo.generate(seed);
            truth += ReferenceDemo.meanR2(demo.test, (k, x) -> ReferenceDemo.linear(x, demo.trueWeights[k])) / seeds;
            ls += ReferenceDemo.meanR2(demo.test,
                    (k, x) -> ReferenceDemo.linear(x, ReferenceDemo.leastSquares(demo.train.task(k)))) / seeds;
            ours[0] += fitR2(new CoalescentMtlFactory(), demo, false) / seeds;
            ours[1] += fitR2(new CoalescentMtlFactory(), demo, true) / seeds;
            ours[2] += fitR2(new CoalescentDaFactory(), demo, true) / seeds;
        }
        System.out.printf(Locale.ROOT, "reference demo, mean test R² over seeds 0-4: true %.3f, least squares %.3f, "
                + "coalescent-mtl (no intercept, unscaled) %.3f, coalescent-mtl (defaults) %.3f, coalescent-da "
                + "(defaults) %.3f%n", truth, ls, ours[0], ours[1], ours[2]);
        assertThat(ours[1]).isGreaterThanOrEqualTo(ls + 0.5 * (truth - ls));
    }

    private static double fitR2(ModelFactory f, ReferenceDemo demo, boolean defaults) {
        ParamValues p = f.defaults().with("max-iterations", 50);
        if (!defaults) {
            p = p.with("intercept", false).with("scale-targets", false);
        }
        FittedModel m = f.create(p).fit(demo.train, FitContext.headless(0));
        return ReferenceDemo.meanR2(demo.test, (k, x) -> ((Prediction.Regression) m.predict(k, x)).mean());
    }
}
