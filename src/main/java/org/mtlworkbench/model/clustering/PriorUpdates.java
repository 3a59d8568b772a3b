package org.mtlworkbench.model.clustering;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The M-step for the prior: closed forms for the component means M_α and covariances Σ_α (with the posterior
 * covariance term C_iα kept, and the inverse-Wishart-type prior ψ I / ν₀ that keeps Σ_α from collapsing), the
 * closed form q_α = N_α / N for clustering, and soft-target multinomial logistic regression for the gate.
 */
final class PriorUpdates {

    private static final int GATE_ITERATIONS = 50;

    private PriorUpdates() {
    }

    /** Updates M_α and Σ_α of every component from the responsibilities and posteriors in {@code post}. */
    static void meansAndCovariances(HbParams params, HbPosterior post, HbData data, HbSettings settings) {
        int p = params.p;
        int g = params.g;
        int n = data.tasks;
        double[] resid = new double[p];
        for (int a = 0; a < params.k; a++) {
            double na = 0;
            for (int i = 0; i < n; i++) {
                na += post.z[i][a];
            }
            if (na > 1e-10) {
                params.mean[a] = weightedRegression(post, data, a, p, g, na);
            }
            double[] scatter = new double[p * p];
            for (int i = 0; i < n; i++) {
                double z = post.z[i][a];
                if (z == 0) {
                    continue;
                }
                params.priorMean(a, data.meanFeatures[i], resid);
                double[] mu = post.mu[i][a];
                double[] c = post.cov[i][a];
                for (int r = 0; r < p; r++) {
                    resid[r] = mu[r] - resid[r];
                }
                for (int r = 0; r < p; r++) {
                    for (int q = 0; q < p; q++) {
                        scatter[r * p + q] += z * (c[r * p + q] + resid[r] * resid[q]);
                    }
                }
            }
            double denom = na + HbSettings.COV_PRIOR_DOF;
            double[] cov = params.cov[a];
            for (int r = 0; r < p; r++) {
                for (int q = 0; q < p; q++) {
                    double v = (scatter[r * p + q] + scatter[q * p + r]) / 2;
                    cov[r * p + q] = (v + (r == q ? settings.covPrior() : 0.0)) / denom;
                }
            }
        }
    }

    /** M_α = (Σ z μ gᵀ)(Σ z g gᵀ)⁻¹, the weighted least-squares map from mean features to posterior means. */
    private static double[] weightedRegression(HbPosterior post, HbData data, int a, int p, int g, double na) {
        if (g == 1) {
            double[] m = new double[p];
            double sw = 0;
            for (int i = 0; i < data.tasks; i++) {
                double w = post.z[i][a] * data.meanFeatures[i][0];
                sw += w * data.meanFeatures[i][0];
                for (int r = 0; r < p; r++) {
                    m[r] += w * post.mu[i][a][r];
                }
            }
            for (int r = 0; r < p; r++) {
                m[r] /= sw;
            }
            return m;
        }
        DMatrixRMaj gram = new DMatrixRMaj(g, g);
        DMatrixRMaj cross = new DMatrixRMaj(p, g);
        for (int i = 0; i < data.tasks; i++) {
            double z = post.z[i][a];
            double[] f = data.meanFeatures[i];
            for (int u = 0; u < g; u++) {
                for (int v = 0; v < g; v++) {
                    gram.data[u * g + v] += z * f[u] * f[v];
                }
                for (int r = 0; r < p; r++) {
                    cross.data[r * g + u] += z * post.mu[i][a][r] * f[u];
                }
            }
        }
        // a tiny ridge only when the weighted feature Gram matrix is singular (fewer tasks than features)
        DMatrixRMaj inv = new DMatrixRMaj(g, g);
        double trace = CommonOps_DDRM.trace(gram);
        for (double jitter = 0; ; jitter = jitter == 0 ? 1e-12 * Math.max(trace, 1e-300) : jitter * 100) {
            DMatrixRMaj copy = gram.copy();
            for (int u = 0; u < g; u++) {
                copy.data[u * g + u] += jitter;
            }
            if (CommonOps_DDRM.invertSPD(copy, inv)) {
                break;
            }
            if (jitter > trace) {
                throw new org.mtlworkbench.model.FitFailedException("task features are degenerate: the prior "
                        + "mean regression has a singular design");
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(p, g);
        CommonOps_DDRM.mult(cross, inv, m);
        return m.data.clone();
    }

    /** The mixture weights: q_α = N_α / N when the gate is constant, else the soft-target gate fit. */
    static void gate(HbParams params, HbPosterior post, HbData data, HbSettings settings) {
        if (!settings.variant().gate) {
            int n = data.tasks;
            for (int a = 0; a < params.k; a++) {
                double na = 0;
                for (int i = 0; i < n; i++) {
                    na += post.z[i][a];
                }
                // a floor keeps log q finite for an emptied component
                params.gate[a][0] = Math.log(Math.max(na / n, 1e-12));
            }
            return;
        }
        fitGate(params, post.z, data.gateFeatures, settings.gateL2(), GATE_ITERATIONS);
    }

    /**
     * Maximises Σ_i Σ_α z_iα log softmax(U u_i)_α − λ/2 ‖U‖² over U from its current value: multinomial logistic
     * regression on soft targets (never on argmax labels), convex, any K ≥ 2 and any number of populated clusters.
     */
    static void fitGate(HbParams params, double[][] z, double[][] features, double l2, int iterations) {
        int k = params.k;
        int f = params.f;
        double[] u = new double[k * f];
        for (int a = 0; a < k; a++) {
            System.arraycopy(params.gate[a], 0, u, a * f, f);
        }
        double[] logits = new double[k];
        Lbfgs.Function fn = (x, grad) -> {
            java.util.Arrays.fill(grad, 0);
            double value = 0;
            for (int i = 0; i < z.length; i++) {
                double[] fi = features[i];
                double max = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < k; a++) {
                    double s = 0;
                    for (int j = 0; j < f; j++) {
                        s += x[a * f + j] * fi[j];
                    }
                    logits[a] = s;
                    max = Math.max(max, s);
                }
                double sum = 0;
                for (int a = 0; a < k; a++) {
                    sum += Math.exp(logits[a] - max);
                }
                double lse = max + Math.log(sum);
                for (int a = 0; a < k; a++) {
                    double prob = Math.exp(logits[a] - lse);
                    value -= z[i][a] * (logits[a] - lse);
                    // −∂/∂U_α of Σ z log softmax = (p_α Σ_β z_β − z_α) u_i, and Σ_β z_β = 1
                    double coef = prob - z[i][a];
                    for (int j = 0; j < f; j++) {
                        grad[a * f + j] += coef * fi[j];
                    }
                }
            }
            for (int j = 0; j < x.length; j++) {
                value += 0.5 * l2 * x[j] * x[j];
                grad[j] += l2 * x[j];
            }
            return value;
        };
        double[] grad = new double[u.length];
        double value = fn.valueAndGradient(u, grad);
        new Lbfgs(u.length, 8).minimise(fn, u, value, grad, iterations);
        for (int a = 0; a < k; a++) {
            System.arraycopy(u, a * f, params.gate[a], 0, f);
        }
    }
}
