package org.mtlworkbench.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ModelSnapshot;
import org.mtlworkbench.numeric.Cholesky;
import org.mtlworkbench.numeric.Linalg;
import org.mtlworkbench.numeric.LogSumExp;

/** The Laplace logistic regression: MAP, Hessian, evidence, moderation, primal = dual, evidence maximisation. */
class LaplaceLogisticTest {

    private static final double BP = LaplaceLogistic.DEFAULT_BIAS_PRECISION;

    /** log p(t | w, b) + log N(w; 0, I/α) + log N(b; 0, 1/bp), normalised prior. */
    private static double logJoint(double[][] x, double[] t, double[] wb, double alpha) {
        int d = wb.length - 1;
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            double f = wb[d];
            for (int j = 0; j < d; j++) {
                f += wb[j] * x[i][j];
            }
            s += t[i] == 1 ? LogSumExp.logSigmoid(f) : LogSumExp.logSigmoid(-f);
        }
        for (int j = 0; j < d; j++) {
            s += -0.5 * alpha * wb[j] * wb[j] + 0.5 * Math.log(alpha / (2 * Math.PI));
        }
        s += -0.5 * BP * wb[d] * wb[d] + 0.5 * Math.log(BP / (2 * Math.PI));
        return s;
    }

    @ParameterizedTest(name = "n={0} d={1} form={2}")
    @CsvSource({"80, 4, PRIMAL", "80, 4, DUAL", "15, 40, DUAL", "15, 40, PRIMAL"})
    void mapHasZeroGradient(int n, int d, Form form) {
        Random r = new Random(n + d);
        Task task = BaselineTestData.logisticTask("a", BaselineTestData.gaussianVector(d, 1.5, r), 0.5, n, r);
        double[][] x = task.x();
        double[] t = task.y();
        double alpha = 0.7;
        LaplacePosterior p = new LaplaceLogistic(x, t, d, BP, form).fit(alpha, null);
        double[] m = p.parameters();
        double[] g = new double[d + 1];
        for (int i = 0; i < n; i++) {
            double resid = t[i] - LogSumExp.sigmoid(p.latentMean(x[i]));
            for (int j = 0; j < d; j++) {
                g[j] += resid * x[i][j];
            }
            g[d] += resid;
        }
        for (int j = 0; j <= d; j++) {
            g[j] -= (j < d ? alpha : BP) * m[j];
            assertThat(g[j]).isCloseTo(0, within(1e-7));
        }
    }

    @Test
    void primalAndDualFormsAgree() {
        Random r = new Random(4);
        int n = 20;
        int d = 12;
        Task task = BaselineTestData.logisticTask("a", BaselineTestData.gaussianVector(d, 1, r), -0.5, n, r);
        LaplacePosterior pp = new LaplaceLogistic(task.x(), task.y(), d, BP, Form.PRIMAL).fit(0.4, null);
        LaplacePosterior pd = new LaplaceLogistic(task.x(), task.y(), d, BP, Form.DUAL).fit(0.4, null);
        assertThat(pd.logEvidence()).isCloseTo(pp.logEvidence(), within(1e-8));
        assertThat(pd.gamma()).isCloseTo(pp.gamma(), within(1e-8));
        double[] mp = pp.parameters();
        double[] md = pd.parameters();
        for (int j = 0; j <= d; j++) {
            assertThat(md[j]).isCloseTo(mp[j], within(1e-8));
        }
        DMatrixRMaj cp = pp.covariance();
        DMatrixRMaj cd = pd.covariance();
        for (int i = 0; i < cp.data.length; i++) {
            assertThat(cd.data[i]).isCloseTo(cp.data[i], within(1e-8));
        }
        for (int k = 0; k < 5; k++) {
            double[] probe = BaselineTestData.gaussianVector(d, 1, r);
            assertThat(pd.latentVariance(probe)).isCloseTo(pp.latentVariance(probe), within(1e-8));
            assertThat(pd.probability(probe)).isCloseTo(pp.probability(probe), within(1e-10));
        }
    }

    @Test
    void laplaceMatchesTheIntegrandOnAGridIn2D() {
        // one feature and the intercept: the posterior lives in 2-D, where a fine grid gives log ∫ p(t|w,b)p(w,b)
        Random r = new Random(21);
        int n = 200;
        Task task = BaselineTestData.logisticTask("a", new double[] {1.2}, -0.4, n, r);
        double[][] x = task.x();
        double[] t = task.y();
        double alpha = 1.0;
        LaplacePosterior p = new LaplaceLogistic(x, t, 1, BP, Form.PRIMAL).fit(alpha, null);
        double[] m = p.parameters();
        DMatrixRMaj cov = p.covariance();

        // Hessian of −log joint at the MAP by central differences = H
        DMatrixRMaj h = new DMatrixRMaj(2, 2);
        double e = 1e-4;
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                double[] pp = m.clone();
                double[] pm = m.clone();
                double[] mp = m.clone();
                double[] mm = m.clone();
                pp[a] += e;
                pp[b] += e;
                pm[a] += e;
                pm[b] -= e;
                mp[a] -= e;
                mp[b] += e;
                mm[a] -= e;
                mm[b] -= e;
                h.set(a, b, -(logJoint(x, t, pp, alpha) - logJoint(x, t, pm, alpha) - logJoint(x, t, mp, alpha)
                        + logJoint(x, t, mm, alpha)) / (4 * e * e));
            }
        }
        Cholesky hc = Linalg.cholesky(h);
        DMatrixRMaj hInv = hc.inverse();
        for (int i = 0; i < 4; i++) {
            assertThat(cov.data[i]).isCloseTo(hInv.data[i], within(1e-4 * Math.abs(hInv.data[i]) + 1e-9));
        }

        // grid over ±8 posterior standard deviations
        int k = 401;
        double sw = Math.sqrt(cov.get(0, 0));
        double sb = Math.sqrt(cov.get(1, 1));
        double dw = 16 * sw / (k - 1);
        double db = 16 * sb / (k - 1);
        double[] logs = new double[k * k];
        int best = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double[] wb = {m[0] - 8 * sw + i * dw, m[1] - 8 * sb + j * db};
                logs[i * k + j] = logJoint(x, t, wb, alpha);
                if (logs[i * k + j] > logs[best]) {
                    best = i * k + j;
                }
            }
        }
        double logZ = LogSumExp.of(logs) + Math.log(dw * db);
        // the grid's mode is the grid point nearest the MAP
        assertThat(m[0] - 8 * sw + (best / k) * dw).isCloseTo(m[0], within(dw));
        assertThat(m[1] - 8 * sb + (best % k) * db).isCloseTo(m[1], within(db));
        // 200 rows, 2 parameters: the posterior is close to Gaussian and Laplace is good to a few hundredths
        assertThat(p.logEvidence()).isCloseTo(logZ, within(0.02));
        // …and it is not trivially so: the evidence itself is of order −100
        assertThat(logZ).isLessThan(-50);
    }

    @Test
    void separableDataGiveFiniteWeightsAndProbabilitiesBelowOne() {
        Random r = new Random(2);
        int n = 30;
        double[][] x = new double[n][2];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = r.nextGaussian();
            t[i] = x[i][0] + 0.5 * x[i][1] > 0 ? 1 : 0;
        }
        Task task = new Task("sep", x, t, java.util.stream.IntStream.range(0, n).toArray());
        BaselineModel model = new BaselineModel(BaselineModel.Sharing.INDEPENDENT, false, 200, 1e-6, 0, Form.AUTO);
        ClassificationFit fit = (ClassificationFit) model.fit(
                BaselineTestData.classification("sep", List.of(task), 2, 2), FitContext.headless(1));
        LaplacePosterior p = fit.posterior(0, 0);
        for (double w : p.parameters()) {
            assertThat(w).isFinite();
            assertThat(Math.abs(w)).isLessThan(1e3);
        }
        assertThat(p.alpha()).isBetween(1e-10, 1e10);
        double prob = p.probability(new double[] {3, 3});
        assertThat(prob).isGreaterThan(0.5).isLessThan(1.0);
    }

    @Test
    void moderatedProbabilitiesLieBetweenOneHalfAndTheMapProbability() {
        Random r = new Random(6);
        int d = 3;
        Task task = BaselineTestData.logisticTask("a", new double[] {2, -1, 0.5}, 0.3, 25, r);
        LaplacePosterior p = new LaplaceLogistic(task.x(), task.y(), d, BP, Form.AUTO).fit(0.5, null);
        for (int k = 0; k < 50; k++) {
            double[] probe = BaselineTestData.gaussianVector(d, 2, r);
            double map = p.mapProbability(probe);
            double mod = p.probability(probe);
            assertThat(p.latentVariance(probe)).isPositive();
            assertThat(mod).isBetween(Math.min(0.5, map), Math.max(0.5, map));
            assertThat(Math.abs(mod - 0.5)).isLessThan(Math.abs(map - 0.5));
        }
    }

    @Test
    void evidenceMaximisationIsMonotoneAndEndsNearTheLaplaceEvidenceMaximum() {
        Random r = new Random(13);
        int d = 6;
        Task task = BaselineTestData.logisticTask("a", BaselineTestData.gaussianVector(d, 0.8, r), 0, 120, r);
        List<ModelSnapshot> snaps = new ArrayList<>();
        BaselineModel model = new BaselineModel(BaselineModel.Sharing.INDEPENDENT, false, 500, 1e-8, 0, Form.AUTO);
        ClassificationFit fit = (ClassificationFit) model.fit(
                BaselineTestData.classification("e", List.of(task), d, 2), FitContext.headless(1, snaps::add));
        for (int i = 1; i < snaps.size(); i++) {
            assertThat(snaps.get(i).totalLoss()).isLessThanOrEqualTo(snaps.get(i - 1).totalLoss());
        }
        double fitted = Math.log(fit.posterior(0, 0).alpha());
        // scan the Laplace evidence over log α: its maximum is where MacKay's update settled (the update neglects
        // how the curvature changes with α, so allow a small offset)
        LaplaceLogistic problem = new LaplaceLogistic(task.x(), task.y(), d, BP, Form.AUTO);
        double bestLa = Double.NaN;
        double bestEv = Double.NEGATIVE_INFINITY;
        for (double la = fitted - 1.5; la <= fitted + 1.5; la += 0.01) {
            double ev = problem.fit(Math.exp(la), null).logEvidence();
            if (ev > bestEv) {
                bestEv = ev;
                bestLa = la;
            }
        }
        assertThat(fitted).isCloseTo(bestLa, within(0.15));
        assertThat(fit.posterior(0, 0).logEvidence()).isCloseTo(bestEv, within(1e-2));
    }
}
