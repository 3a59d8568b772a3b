package org.mtlworkbench.model.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The closed-form per-task evidence and posterior against brute force. */
class GaussianEvidenceTest {

    @Test
    void evidenceEqualsTheDenseGaussianMarginalOfTheTargets() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 50; trial++) {
            int p = 1 + rng.nextInt(5);
            int n = 1 + rng.nextInt(8);
            Problem t = Problem.random(rng, n, p, 0.05 + rng.nextDouble());
            double closed = t.closedForm(null, null);
            // y ~ N(H m, H Σ Hᵀ + σ² I), written out with n × n dense algebra
            assertThat(closed).isCloseTo(t.denseMarginal(), offset(1e-8 * (1 + Math.abs(closed))));
        }
    }

    @Test
    void evidenceMatchesTheInformationFormOfTheSpec() {
        // ALGORITHMS.md §2.3: −n/2 log 2πσ² − ½log|Σ| − ½log|Q| + ½RᵀQ⁻¹R − yᵀy/(2σ²) − ½mᵀΣ⁻¹m
        SplittableRandom rng = new SplittableRandom(12);
        for (int trial = 0; trial < 30; trial++) {
            Problem t = Problem.random(rng, 2 + rng.nextInt(10), 1 + rng.nextInt(4), 0.1 + rng.nextDouble());
            assertThat(t.closedForm(null, null)).isCloseTo(t.informationForm(), offset(1e-8));
        }
    }

    @Test
    void evidenceAgreesWithMonteCarloIntegrationOverTheTaskWeights() {
        SplittableRandom rng = new SplittableRandom(13);
        for (int trial = 0; trial < 3; trial++) {
            Problem t = Problem.random(rng, 3, 2, 1.0);
            int samples = 400_000;
            double[] logLik = new double[samples];
            double max = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < samples; s++) {
                double[] a = t.samplePrior(rng);
                logLik[s] = t.logLikelihood(a);
                max = Math.max(max, logLik[s]);
            }
            double sum = 0;
            for (double v : logLik) {
                sum += Math.exp(v - max);
            }
            double monteCarlo = max + Math.log(sum / samples);
            assertThat(monteCarlo).isCloseTo(t.closedForm(null, null), offset(0.02));
        }
    }

    @Test
    void posteriorIsTheConjugateGaussianPosterior() {
        SplittableRandom rng = new SplittableRandom(14);
        for (int trial = 0; trial < 30; trial++) {
            int p = 1 + rng.nextInt(5);
            Problem t = Problem.random(rng, 1 + rng.nextInt(9), p, 0.1 + rng.nextDouble());
            double[] mu = new double[p];
            double[] cov = new double[p * p];
            t.closedForm(mu, cov);
            // C = (S/σ² + Σ⁻¹)⁻¹, μ = C (b/σ² + Σ⁻¹ m)
            DMatrixRMaj sigmaInv = new DMatrixRMaj(p, p, true, t.sigma);
            CommonOps_DDRM.invert(sigmaInv);
            DMatrixRMaj q = new DMatrixRMaj(p, p, true, t.s);
            CommonOps_DDRM.scale(1 / t.noiseVar, q);
            CommonOps_DDRM.addEquals(q, sigmaInv);
            DMatrixRMaj c = q.copy();
            CommonOps_DDRM.invert(c);
            DMatrixRMaj r = new DMatrixRMaj(p, 1, true, t.hy);
            CommonOps_DDRM.scale(1 / t.noiseVar, r);
            DMatrixRMaj sm = new DMatrixRMaj(p, 1);
            CommonOps_DDRM.mult(sigmaInv, new DMatrixRMaj(p, 1, true, t.m), sm);
            CommonOps_DDRM.addEquals(r, sm);
            DMatrixRMaj expectedMu = new DMatrixRMaj(p, 1);
            CommonOps_DDRM.mult(c, r, expectedMu);
            for (int i = 0; i < p; i++) {
                assertThat(mu[i]).isCloseTo(expectedMu.data[i], offset(1e-8 * (1 + Math.abs(mu[i]))));
                for (int j = 0; j < p; j++) {
                    assertThat(cov[i * p + j]).isCloseTo(c.get(i, j), offset(1e-9));
                }
            }
        }
    }

    @Test
    void aTaskWithoutRowsKeepsItsPrior() {
        Problem t = Problem.random(new SplittableRandom(15), 0, 3, 0.5);
        double[] mu = new double[3];
        double[] cov = new double[9];
        assertThat(t.closedForm(mu, cov)).isCloseTo(0.0, offset(1e-14));
        assertThat(mu).containsExactly(t.m, offset(1e-14));
        assertThat(cov).containsExactly(t.sigma, offset(1e-12));
    }

    /** A random task: rows H (n × p), targets, prior N(m, Σ), noise variance. */
    static final class Problem {
        final int n;
        final int p;
        final double[][] h;
        final double[] y;
        final double[] m;
        final double[] sigma;
        final double noiseVar;
        final double[] s;
        final double[] hy;
        final double yy;

        Problem(double[][] h, double[] y, double[] m, double[] sigma, double noiseVar) {
            this.n = y.length;
            this.p = m.length;
            this.h = h;
            this.y = y;
            this.m = m;
            this.sigma = sigma;
            this.noiseVar = noiseVar;
            s = new double[p * p];
            hy = new double[p];
            double c = 0;
            for (int r = 0; r < n; r++) {
                for (int a = 0; a < p; a++) {
                    hy[a] += h[r][a] * y[r];
                    for (int b = 0; b < p; b++) {
                        s[a * p + b] += h[r][a] * h[r][b];
                    }
                }
                c += y[r] * y[r];
            }
            yy = c;
        }

        static Problem random(SplittableRandom rng, int n, int p, double noiseVar) {
            double[][] h = new double[n][p];
            double[] y = new double[n];
            for (int r = 0; r < n; r++) {
                for (int a = 0; a < p; a++) {
                    h[r][a] = rng.nextGaussian();
                }
                y[r] = 2 * rng.nextGaussian();
            }
            double[] m = new double[p];
            for (int a = 0; a < p; a++) {
                m[a] = rng.nextGaussian();
            }
            // Σ = G Gᵀ + 0.1 I
            double[] g = new double[p * p];
            for (int i = 0; i < g.length; i++) {
                g[i] = rng.nextGaussian() * 0.7;
            }
            double[] sigma = new double[p * p];
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    double acc = i == j ? 0.1 : 0;
                    for (int k = 0; k < p; k++) {
                        acc += g[i * p + k] * g[j * p + k];
                    }
                    sigma[i * p + j] = acc;
                }
            }
            return new Problem(h, y, m, sigma, noiseVar);
        }

        double closedForm(double[] mu, double[] cov) {
            GaussianEvidence ev = new GaussianEvidence(p);
            double[] lower = new double[p * p];
            ev.factor(sigma, lower, null);
            return ev.evaluate(s, hy, yy, n, noiseVar, m, lower, mu, cov);
        }

        double denseMarginal() {
            DMatrixRMaj hm = new DMatrixRMaj(n, p);
            for (int r = 0; r < n; r++) {
                for (int a = 0; a < p; a++) {
                    hm.set(r, a, h[r][a]);
                }
            }
            DMatrixRMaj sig = new DMatrixRMaj(p, p, true, sigma);
            DMatrixRMaj tmp = new DMatrixRMaj(n, p);
            CommonOps_DDRM.mult(hm, sig, tmp);
            DMatrixRMaj cov = new DMatrixRMaj(n, n);
            CommonOps_DDRM.multTransB(tmp, hm, cov);
            for (int r = 0; r < n; r++) {
                cov.add(r, r, noiseVar);
            }
            DMatrixRMaj resid = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.mult(hm, new DMatrixRMaj(p, 1, true, m), resid);
            for (int r = 0; r < n; r++) {
                resid.data[r] = y[r] - resid.data[r];
            }
            double logDet = Math.log(CommonOps_DDRM.det(cov));
            DMatrixRMaj inv = cov.copy();
            CommonOps_DDRM.invert(inv);
            DMatrixRMaj w = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.mult(inv, resid, w);
            double quad = CommonOps_DDRM.dot(resid, w);
            return -0.5 * (n * Math.log(2 * Math.PI) + logDet + quad);
        }

        double informationForm() {
            DMatrixRMaj sigmaInv = new DMatrixRMaj(p, p, true, sigma);
            CommonOps_DDRM.invert(sigmaInv);
            DMatrixRMaj q = new DMatrixRMaj(p, p, true, s);
            CommonOps_DDRM.scale(1 / noiseVar, q);
            CommonOps_DDRM.addEquals(q, sigmaInv);
            DMatrixRMaj mv = new DMatrixRMaj(p, 1, true, m);
            DMatrixRMaj r = new DMatrixRMaj(p, 1, true, hy);
            CommonOps_DDRM.scale(1 / noiseVar, r);
            DMatrixRMaj sm = new DMatrixRMaj(p, 1);
            CommonOps_DDRM.mult(sigmaInv, mv, sm);
            CommonOps_DDRM.addEquals(r, sm);
            DMatrixRMaj qInv = q.copy();
            CommonOps_DDRM.invert(qInv);
            DMatrixRMaj qr = new DMatrixRMaj(p, 1);
            CommonOps_DDRM.mult(qInv, r, qr);
            return -0.5 * n * Math.log(2 * Math.PI * noiseVar)
                    - 0.5 * Math.log(CommonOps_DDRM.det(new DMatrixRMaj(p, p, true, sigma)))
                    - 0.5 * Math.log(CommonOps_DDRM.det(q))
                    + 0.5 * CommonOps_DDRM.dot(r, qr)
                    - yy / (2 * noiseVar)
                    - 0.5 * CommonOps_DDRM.dot(mv, sm);
        }

        double[] samplePrior(SplittableRandom rng) {
            double[] lower = new double[p * p];
            new GaussianEvidence(p).factor(sigma, lower, null);
            double[] e = new double[p];
            for (int a = 0; a < p; a++) {
                e[a] = rng.nextGaussian();
            }
            double[] a = m.clone();
            for (int i = 0; i < p; i++) {
                for (int k = 0; k <= i; k++) {
                    a[i] += lower[i * p + k] * e[k];
                }
            }
            return a;
        }

        double logLikelihood(double[] a) {
            double ll = -0.5 * n * Math.log(2 * Math.PI * noiseVar);
            for (int r = 0; r < n; r++) {
                double f = 0;
                for (int k = 0; k < p; k++) {
                    f += h[r][k] * a[k];
                }
                ll -= (y[r] - f) * (y[r] - f) / (2 * noiseVar);
            }
            return ll;
        }
    }
}
