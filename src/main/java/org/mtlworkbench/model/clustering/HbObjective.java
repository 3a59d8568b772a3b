package org.mtlworkbench.model.clustering;

/**
 * Evaluates the marginal likelihood of all tasks, Σ_i log Σ_α π_iα P(D_i | α), with every A_i integrated out in
 * closed form, plus the hyper-priors; and its analytic gradient with respect to W and σ².
 *
 * <p>The gradient uses Fisher's identity: the derivative of log P_iα with respect to a likelihood parameter is the
 * posterior expectation of the derivative of log p(y | A), so with μ̂_i = Σ_α z_iα μ_iα and
 * Ĝ_i = Σ_α z_iα (C_iα + μ_iα μ_iαᵀ):
 * <pre>
 *   ∂/∂h_n  = (y_n μ̂_i − Ĝ_i h_n) / σ²                      (then through g to W)
 *   ∂/∂σ²   = Σ_i [ −n_i / (2σ²) + (c_i − 2 b_iᵀ μ̂_i + tr(S_i Ĝ_i)) / (2σ⁴) ]
 * </pre>
 * Not thread-safe (keeps work arrays); one per fit.
 */
final class HbObjective {

    private final HbData data;
    private final HbSettings settings;
    private final int p;
    private final int k;
    private final GaussianEvidence evidence;
    /** h rows per task (n_i × P), recomputed when W changes. */
    private final double[][] h;
    private final double[][] s;
    private final double[][] hy;
    private final double[] yy;
    private final double[][] lower;
    private final double[] prior;
    private boolean fixedFeaturesReady;
    /**
     * For a linear map h = E x̃ (E = [W; e_last]) the statistics follow from the inputs' own, S = E (Σ x̃x̃ᵀ) Eᵀ and
     * b = E Σ x̃y, so an evaluation costs nothing per row: xx, xy per task, and E·xx kept for the gradient.
     */
    private final boolean linear;
    private final double[][] xx;
    private final double[][] xy;
    private final double[][] exx;

    HbObjective(HbData data, HbSettings settings, HbParams shape) {
        this.data = data;
        this.settings = settings;
        this.p = shape.p;
        this.k = shape.k;
        this.evidence = new GaussianEvidence(p);
        this.linear = shape.activation == Activation.LINEAR;
        int in = data.inputs;
        this.h = new double[data.tasks][];
        this.xx = linear ? new double[data.tasks][in * in] : null;
        this.xy = linear ? new double[data.tasks][in] : null;
        this.exx = linear ? new double[data.tasks][p * in] : null;
        for (int i = 0; i < data.tasks; i++) {
            h[i] = new double[linear ? 0 : data.rows(i) * p];
            if (linear) {
                for (int r = 0; r < data.rows(i); r++) {
                    double[] x = data.x[i][r];
                    for (int a = 0; a < in; a++) {
                        xy[i][a] += x[a] * data.y[i][r];
                        for (int b = 0; b < in; b++) {
                            xx[i][a * in + b] += x[a] * x[b];
                        }
                    }
                }
            }
        }
        this.s = new double[data.tasks][p * p];
        this.hy = new double[data.tasks][p];
        this.yy = new double[data.tasks];
        for (int i = 0; i < data.tasks; i++) {
            double c = 0;
            for (double v : data.y[i]) {
                c += v * v;
            }
            yy[i] = c;
        }
        this.lower = new double[k][p * p];
        this.prior = new double[p];
    }

    HbData data() {
        return data;
    }

    /** Evaluates at {@code params}; the gradient with respect to W and σ² when {@code gradient}. */
    HbPosterior evaluate(HbParams params, boolean gradient) {
        if (params.k != k || params.p != p) {
            throw new IllegalArgumentException("parameters of another shape");
        }
        updateStatistics(params);
        HbPosterior post = new HbPosterior(data.tasks, k, p);
        double hyper = 0;
        double[] trInv = new double[1];
        for (int a = 0; a < k; a++) {
            double logDet = evidence.factor(params.cov[a], lower[a], trInv);
            hyper += -0.5 * HbSettings.COV_PRIOR_DOF * logDet - 0.5 * settings.covPrior() * trInv[0];
        }
        if (settings.variant().gate) {
            double ss = 0;
            for (double[] u : params.gate) {
                for (double v : u) {
                    ss += v * v;
                }
            }
            hyper -= 0.5 * settings.gateL2() * ss;
        }
        double total = 0;
        for (int i = 0; i < data.tasks; i++) {
            params.logGate(data.gateFeatures[i], post.logPi[i]);
            double max = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                params.priorMean(a, data.meanFeatures[i], prior);
                double lp = evidence.evaluate(s[i], hy[i], yy[i], data.rows(i), params.noiseVar, prior, lower[a],
                        post.mu[i][a], post.cov[i][a]);
                post.logLik[i][a] = lp;
                max = Math.max(max, lp + post.logPi[i][a]);
            }
            double sum = 0;
            for (int a = 0; a < k; a++) {
                post.z[i][a] = Math.exp(post.logLik[i][a] + post.logPi[i][a] - max);
                sum += post.z[i][a];
            }
            for (int a = 0; a < k; a++) {
                post.z[i][a] /= sum;
            }
            total += max + Math.log(sum);
        }
        post.logEvidence = total;
        post.logHyperPrior = hyper;
        if (!Double.isFinite(total)) {
            post.logEvidence = Double.NaN;
        }
        if (gradient) {
            gradient(params, post);
        }
        return post;
    }

    /**
     * Σ_i Σ_α z_iα E[‖y_i − H_i A_i‖²] under the posteriors in {@code post}, with the features at {@code params}
     * (which must hold the W that {@code post} was evaluated at).
     */
    double expectedSquaredError(HbParams params, HbPosterior post) {
        updateStatistics(params);
        double total = 0;
        for (int i = 0; i < data.tasks; i++) {
            for (int a = 0; a < k; a++) {
                double z = post.z[i][a];
                if (z == 0) {
                    continue;
                }
                double[] m = post.mu[i][a];
                double[] c = post.cov[i][a];
                double e = yy[i];
                for (int r = 0; r < p; r++) {
                    e -= 2 * hy[i][r] * m[r];
                    for (int q = 0; q < p; q++) {
                        e += s[i][r * p + q] * (c[q * p + r] + m[q] * m[r]);
                    }
                }
                total += z * e;
            }
        }
        return total;
    }

    private void updateStatistics(HbParams params) {
        if (params.w == null && fixedFeaturesReady) {
            return;
        }
        if (linear) {
            linearStatistics(params);
            return;
        }
        double[] row = new double[p];
        for (int i = 0; i < data.tasks; i++) {
            double[] si = s[i];
            double[] bi = hy[i];
            java.util.Arrays.fill(si, 0);
            java.util.Arrays.fill(bi, 0);
            double[][] xi = data.x[i];
            double[] yi = data.y[i];
            double[] hi = h[i];
            for (int r = 0; r < xi.length; r++) {
                params.features(xi[r], row);
                System.arraycopy(row, 0, hi, r * p, p);
                double yr = yi[r];
                for (int a = 0; a < p; a++) {
                    double ha = row[a];
                    bi[a] += ha * yr;
                    int off = a * p;
                    for (int b = 0; b <= a; b++) {
                        si[off + b] += ha * row[b];
                    }
                }
            }
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < a; b++) {
                    si[b * p + a] = si[a * p + b];
                }
            }
        }
        fixedFeaturesReady = params.w == null;
    }

    private void linearStatistics(HbParams params) {
        int in = params.inputs;
        int hidden = params.hidden;
        double[] w = params.w;
        for (int i = 0; i < data.tasks; i++) {
            double[] xxi = xx[i];
            double[] e = exx[i];
            // rows r < H of E·xx are W_r·xx; row H (the constant unit) is the last row of xx
            for (int r = 0; r < hidden; r++) {
                for (int j = 0; j < in; j++) {
                    double acc = 0;
                    for (int q = 0; q < in; q++) {
                        acc += w[r * in + q] * xxi[q * in + j];
                    }
                    e[r * in + j] = acc;
                }
            }
            System.arraycopy(xxi, (in - 1) * in, e, hidden * in, in);
            double[] si = s[i];
            double[] bi = hy[i];
            for (int a = 0; a < p; a++) {
                for (int b = 0; b <= a; b++) {
                    double acc = 0;
                    if (b < hidden) {
                        for (int q = 0; q < in; q++) {
                            acc += e[a * in + q] * w[b * in + q];
                        }
                    } else {
                        acc = e[a * in + in - 1];
                    }
                    si[a * p + b] = acc;
                    si[b * p + a] = acc;
                }
                double acc = 0;
                if (a < hidden) {
                    for (int q = 0; q < in; q++) {
                        acc += w[a * in + q] * xy[i][q];
                    }
                } else {
                    acc = xy[i][in - 1];
                }
                bi[a] = acc;
            }
        }
    }

    private void gradient(HbParams params, HbPosterior post) {
        double nv = params.noiseVar;
        double gradNv = 0;
        double[] gradW = params.w == null ? null : new double[params.w.length];
        double[] muHat = new double[p];
        double[] gHat = new double[p * p];
        double[] delta = new double[p];
        int hidden = params.hidden;
        int inputs = params.inputs;
        for (int i = 0; i < data.tasks; i++) {
            java.util.Arrays.fill(muHat, 0);
            java.util.Arrays.fill(gHat, 0);
            for (int a = 0; a < k; a++) {
                double za = post.z[i][a];
                if (za == 0) {
                    continue;
                }
                double[] m = post.mu[i][a];
                double[] c = post.cov[i][a];
                for (int r = 0; r < p; r++) {
                    muHat[r] += za * m[r];
                    for (int q = 0; q < p; q++) {
                        gHat[r * p + q] += za * (c[r * p + q] + m[r] * m[q]);
                    }
                }
            }
            double trSG = 0;
            double bMu = 0;
            for (int r = 0; r < p; r++) {
                bMu += hy[i][r] * muHat[r];
                for (int q = 0; q < p; q++) {
                    trSG += s[i][r * p + q] * gHat[q * p + r];
                }
            }
            int n = data.rows(i);
            gradNv += -0.5 * n / nv + (yy[i] - 2 * bMu + trSG) / (2 * nv * nv);
            if (gradW == null) {
                continue;
            }
            if (linear) {
                // Σ_n δ_n x̃_nᵀ = (μ̂_H (Σ y x̃)ᵀ − Ĝ_H· E Σ x̃x̃ᵀ) / σ²
                double[] e = exx[i];
                for (int r = 0; r < hidden; r++) {
                    for (int j = 0; j < inputs; j++) {
                        double acc = muHat[r] * xy[i][j];
                        for (int q = 0; q < p; q++) {
                            acc -= gHat[r * p + q] * e[q * inputs + j];
                        }
                        gradW[r * inputs + j] += acc / nv;
                    }
                }
                continue;
            }
            double[] hi = h[i];
            double[][] xi = data.x[i];
            double[] yi = data.y[i];
            for (int row = 0; row < n; row++) {
                int off = row * p;
                for (int r = 0; r < hidden; r++) {
                    double acc = yi[row] * muHat[r];
                    for (int q = 0; q < p; q++) {
                        acc -= gHat[r * p + q] * hi[off + q];
                    }
                    double hr = hi[off + r];
                    double dAct = params.activation == Activation.TANH ? 1 - hr * hr : 1.0;
                    delta[r] = acc / nv * dAct;
                }
                double[] xr = xi[row];
                for (int r = 0; r < hidden; r++) {
                    double dr = delta[r];
                    int woff = r * inputs;
                    for (int j = 0; j < inputs; j++) {
                        gradW[woff + j] += dr * xr[j];
                    }
                }
            }
        }
        post.gradW = gradW;
        post.gradNoiseVar = gradNv;
    }
}
