package org.mtlworkbench.model.sparse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.synthetic.Scenarios;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ParamValues;

/**
 * Each closed-form update against a numerical optimisation of the ELBO in that factor on a tiny problem: the
 * scalar hyper-parameters (σ², τ, the GIG prior) against a golden-section search, the factor means (W, Z, V)
 * against random perturbations, which must never raise the ELBO.
 */
class ClosedFormUpdatesTest {

    VariationalState s;

    @BeforeEach
    void tinyProblem() {
        MultiTaskDataset full = Scenarios.get("sparse").generate(5).dataset();
        java.util.List<org.mtlworkbench.data.Task> tasks = new java.util.ArrayList<>();
        int[] rows = java.util.stream.IntStream.range(0, 30).toArray();
        for (int t = 0; t < 4; t++) {
            tasks.add(full.task(t).select(rows));
        }
        MultiTaskDataset ds = full.withTasks("tiny", tasks);
        ParamValues pv = new SparseGigFactory().defaults().withText("groups", "blocks").withText("rank", "2");
        FeatureGroups groups = FeatureGroups.of("blocks", 2, ds.featureNames());
        s = SparseGigModel.newState(TaskData.of(ds, groups.permutation()), groups, pv, FitContext.headless(2));
        for (int i = 0; i < 5; i++) {
            s.sweep(true);
        }
    }

    /** Golden-section maximum of the ELBO over a positive scalar set by {@code setter}, in log space. */
    private double numericArgmax(DoubleConsumer setter, double around) {
        double a = Math.log(around) - 3;
        double b = Math.log(around) + 3;
        double r = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 200; i++) {
            double c = b - r * (b - a);
            double d = a + r * (b - a);
            setter.accept(Math.exp(c));
            double fc = s.elbo().total();
            setter.accept(Math.exp(d));
            double fd = s.elbo().total();
            if (fc > fd) {
                b = d;
            } else {
                a = c;
            }
        }
        return Math.exp((a + b) / 2);
    }

    @Test
    void noiseVarianceIsTheElboMaximiser() {
        s.updateNoise();
        double closed = s.sigma2;
        double numeric = numericArgmax(v -> s.sigma2 = v, closed);
        assertThat(numeric).isCloseTo(closed, org.assertj.core.data.Percentage.withPercentage(1e-4));
    }

    @Test
    void tauIsTheElboMaximiser() {
        s.updateTau();
        double closed = s.tau;
        double numeric = numericArgmax(v -> s.tau = v, closed);
        assertThat(numeric).isCloseTo(closed, org.assertj.core.data.Percentage.withPercentage(1e-4));
    }

    @Test
    void gigPriorIsTheElboMaximiser() {
        s.updatePrior();
        double chi = s.prior.chi;
        double phi = s.prior.phi;
        double omega = s.prior.omega;
        assertThat(numericArgmax(v -> s.prior.chi = v, chi)).isCloseTo(chi,
                org.assertj.core.data.Percentage.withPercentage(1e-3));
        s.prior.chi = chi;
        assertThat(numericArgmax(v -> s.prior.phi = v, phi)).isCloseTo(phi,
                org.assertj.core.data.Percentage.withPercentage(1e-3));
        s.prior.phi = phi;
        double shifted = numericArgmax(v -> s.prior.omega = Math.log(v), Math.exp(omega));
        assertThat(Math.log(shifted)).isCloseTo(omega, org.assertj.core.data.Offset.offset(1e-3 * Math.max(1, Math.abs(omega))));
    }

    private void assertLocalMaximum(String name, Runnable update, DMatrixRMaj mean) {
        update.run();
        double best = s.elbo().total();
        SplittableRandom rng = new SplittableRandom(7);
        double[] saved = mean.data.clone();
        for (int trial = 0; trial < 20; trial++) {
            for (int i = 0; i < saved.length; i++) {
                mean.data[i] = saved[i] + 1e-3 * (rng.nextDouble() - 0.5);
            }
            assertThat(s.elbo().total()).as("%s perturbed, trial %d", name, trial).isLessThan(best);
        }
        System.arraycopy(saved, 0, mean.data, 0, saved.length);
        assertThat(s.elbo().total()).isEqualTo(best);
    }

    @Test
    void factorMeansAreLocalMaxima() {
        s.updateW();
        assertLocalMaximum("q(W) mean", () -> { }, s.w.mean);
    }

    @Test
    void zAndVMeansAreLocalMaxima() {
        s.updateZ();
        assertLocalMaximum("q(Z) mean", () -> { }, s.mz);
        s.updateV();
        assertLocalMaximum("q(V) mean", () -> { }, s.mv);
    }
}
