package org.mtlworkbench.model.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.numeric.Cholesky;
import org.mtlworkbench.numeric.Linalg;

/** The closed forms of {@link LinearEvidence} against direct formulas, in the primal and the dual form. */
class LinearEvidenceTest {

    static double[][] gaussian(int n, int d, Random r) {
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return x;
    }

    static double[] targets(double[][] x, Random r, double noise) {
        int d = x[0].length;
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = r.nextGaussian() * 0.7;
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Linalg.dot(w, x[i]) + 0.3 + noise * r.nextGaussian();
        }
        return y;
    }

    /** log N(y; 0, XXᵀ/α + I/β) by a Cholesky of the n×n covariance. */
    static double bruteForceLogEvidence(double[][] x, double[] y, double alpha, double beta) {
        int n = y.length;
        DMatrixRMaj c = Linalg.outerGram(Linalg.fromRows(x, x[0].length));
        for (int i = 0; i < n * n; i++) {
            c.data[i] /= alpha;
        }
        for (int i = 0; i < n; i++) {
            c.add(i, i, 1 / beta);
        }
        Cholesky ch = Linalg.cholesky(c);
        return -0.5 * ch.quadraticForm(y) - 0.5 * ch.logDet() - 0.5 * n * Math.log(2 * Math.PI);
    }

    @ParameterizedTest(name = "n={0} d={1} form={2}")
    @CsvSource({"40, 6, PRIMAL", "40, 6, DUAL", "12, 50, DUAL", "12, 50, PRIMAL", "30, 30, AUTO"})
    void logEvidenceEqualsTheGaussianMarginal(int n, int d, Form form) {
        Random r = new Random(n * 31L + d);
        double[][] x = gaussian(n, d, r);
        double[] y = targets(x, r, 0.5);
        LinearEvidence ev = LinearEvidence.of(x, y, d, n, form);
        for (double[] ab : new double[][] {{1, 1}, {0.3, 4}, {20, 0.5}, {1e-3, 100}}) {
            double closed = ev.at(ab[0], ab[1]).logEvidence();
            double brute = bruteForceLogEvidence(x, y, ab[0], ab[1]);
            assertThat(closed).isCloseTo(brute, within(1e-8 * Math.abs(brute)));
        }
    }

    @ParameterizedTest(name = "n={0} d={1} form={2}")
    @CsvSource({"40, 6, PRIMAL", "40, 6, DUAL", "12, 30, DUAL", "12, 30, PRIMAL"})
    void posteriorMeanAndCovarianceEqualTheDirectFormulas(int n, int d, Form form) {
        Random r = new Random(7 * n + d);
        double[][] x = gaussian(n, d, r);
        double[] y = targets(x, r, 0.3);
        double alpha = 0.7;
        double beta = 3.0;
        LinearPosterior p = LinearEvidence.of(x, y, d, n, form).at(alpha, beta);
        // A = αI + βXᵀX, m = βA⁻¹Xᵀy
        DMatrixRMaj xm = Linalg.fromRows(x, d);
        DMatrixRMaj a = Linalg.gram(xm);
        for (int i = 0; i < d * d; i++) {
            a.data[i] *= beta;
        }
        for (int j = 0; j < d; j++) {
            a.add(j, j, alpha);
        }
        Cholesky ch = Linalg.cholesky(a);
        double[] xty = Linalg.multTrans(xm, y);
        double[] m = ch.solve(xty);
        DMatrixRMaj cov = ch.inverse();
        DMatrixRMaj got = p.covariance();
        double[] mean = p.mean();
        for (int j = 0; j < d; j++) {
            assertThat(mean[j]).isCloseTo(beta * m[j], within(1e-9));
            for (int k = 0; k < d; k++) {
                assertThat(got.get(j, k)).isCloseTo(cov.get(j, k), within(1e-9));
            }
        }
        double[] probe = gaussian(1, d, r)[0];
        double direct = Linalg.dot(probe, Linalg.mult(cov, probe));
        assertThat(p.weightVariance(probe)).isCloseTo(direct, within(1e-9 * direct));
        double residual = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - beta * Linalg.dot(m, x[i]);
            residual += e * e;
        }
        assertThat(p.residualSq()).isCloseTo(residual, within(1e-8 * (1 + residual)));
    }

    @ParameterizedTest(name = "n={0} d={1}")
    @CsvSource({"25, 4", "8, 20"})
    void centringIsTheEvidenceOrthogonalToTheIntercept(int n, int d) {
        Random r = new Random(100 + n);
        double[][] x = gaussian(n, d, r);
        double[] y = targets(x, r, 0.4);
        CenteredLinearTask task = CenteredLinearTask.of(x, y, d, Form.AUTO);
        double alpha = 1.3;
        double beta = 2.2;
        // Q: an orthonormal basis of the complement of 1 (Helmert contrasts); project x and y on it
        double[][] q = new double[n - 1][n];
        for (int k = 1; k < n; k++) {
            double norm = Math.sqrt(k * (k + 1.0));
            for (int i = 0; i < k; i++) {
                q[k - 1][i] = 1 / norm;
            }
            q[k - 1][k] = -k / norm;
        }
        double[][] xp = new double[n - 1][d];
        double[] yp = new double[n - 1];
        for (int k = 0; k < n - 1; k++) {
            for (int i = 0; i < n; i++) {
                yp[k] += q[k][i] * y[i];
                for (int j = 0; j < d; j++) {
                    xp[k][j] += q[k][i] * x[i][j];
                }
            }
        }
        double brute = bruteForceLogEvidence(xp, yp, alpha, beta);
        assertThat(task.evidence().at(alpha, beta).logEvidence()).isCloseTo(brute, within(1e-8 * Math.abs(brute)));
    }

    @Test
    void flatInterceptPredictionsEqualAVanishingInterceptPriorPrecision() {
        // the intercept as an extra column with prior precision ε → 0 must give the same predictive distribution
        int n = 15;
        int d = 3;
        Random r = new Random(5);
        double[][] x = gaussian(n, d, r);
        double[] y = targets(x, r, 0.5);
        double alpha = 0.8;
        double beta = 1.7;
        double eps = 1e-9;
        CenteredLinearTask task = CenteredLinearTask.of(x, y, d, Form.AUTO);
        LinearPosterior p = task.evidence().at(alpha, beta);
        double[][] xa = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, xa[i], 0, d);
            xa[i][d] = 1;
        }
        DMatrixRMaj a = Linalg.gram(Linalg.fromRows(xa, d + 1));
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] *= beta;
        }
        for (int j = 0; j < d; j++) {
            a.add(j, j, alpha);
        }
        a.add(d, d, eps);
        Cholesky ch = Linalg.cholesky(a);
        double[] m = ch.solve(Linalg.multTrans(Linalg.fromRows(xa, d + 1), y));
        for (int k = 0; k < 5; k++) {
            double[] probe = gaussian(1, d, r)[0];
            double[] pa = java.util.Arrays.copyOf(probe, d + 1);
            pa[d] = 1;
            double[] mv = task.predict(p, probe);
            assertThat(mv[0]).isCloseTo(beta * Linalg.dot(m, pa), within(1e-6));
            assertThat(mv[1]).isCloseTo(1 / beta + ch.quadraticForm(pa), within(1e-6));
        }
    }

    @Test
    void analyticGradientMatchesFiniteDifferences() {
        Random r = new Random(9);
        double[][] x = gaussian(30, 5, r);
        double[] y = targets(x, r, 0.6);
        LinearEvidence ev = LinearEvidence.of(x, y, 5, 30, Form.AUTO);
        double la = Math.log(0.9);
        double lb = Math.log(1.8);
        double h = 1e-5;
        LinearPosterior p = ev.at(Math.exp(la), Math.exp(lb));
        double ga = (ev.at(Math.exp(la + h), Math.exp(lb)).logEvidence()
                - ev.at(Math.exp(la - h), Math.exp(lb)).logEvidence()) / (2 * h);
        double gb = (ev.at(Math.exp(la), Math.exp(lb + h)).logEvidence()
                - ev.at(Math.exp(la), Math.exp(lb - h)).logEvidence()) / (2 * h);
        assertThat(p.gradLogAlpha()).isCloseTo(ga, within(1e-6));
        assertThat(p.gradLogBeta()).isCloseTo(gb, within(1e-6));
    }
}
