package org.mtlworkbench.model.baseline;

import org.ejml.data.DMatrixRMaj;
import org.mtlworkbench.numeric.Cholesky;
import org.mtlworkbench.numeric.Linalg;
import org.mtlworkbench.numeric.LogSumExp;

/**
 * Binary Bayesian logistic regression p(t = 1 | x) = σ(wᵀx + b) with prior w ~ N(0, α⁻¹I) and a weak prior
 * b ~ N(0, 1/biasPrecision) on the intercept, under the Laplace approximation.
 *
 * <p>The MAP is found by Newton's method with step halving (the log posterior is concave, so halving always finds
 * an increase; the Gaussian prior keeps the MAP finite on separable data). With P = diag(α, …, α, biasPrecision)
 * and the augmented rows x̃ = (x, 1), the Hessian is H = P + X̃ᵀWX̃. In the primal form (n ≥ d) H is factored
 * directly. In the dual form (d > n) everything goes through n×n matrices: m = P⁻¹X̃ᵀa, f = Ka with
 * K = X̃P⁻¹X̃ᵀ, and B = I + W^½KW^½ (Woodbury / the determinant lemma: |H| = |P||B|), as in Rasmussen &amp;
 * Williams, algorithm 3.1.
 */
public final class LaplaceLogistic {

    /** The intercept's prior precision: N(0, 10²), weak on the logit scale. */
    public static final double DEFAULT_BIAS_PRECISION = 1e-2;

    static final int MAX_NEWTON = 200;
    static final double NEWTON_TOLERANCE = 1e-15;
    static final int MAX_LINE_HALVINGS = 50;

    private final DMatrixRMaj x;
    private final double[] t;
    private final int n;
    private final int d;
    private final double biasPrecision;
    private final Form form;
    /** XXᵀ (dual only). */
    private final DMatrixRMaj outer;

    /**
     * @param x             rows × d features
     * @param t             0/1 targets
     * @param biasPrecision prior precision of the intercept
     * @param form          PRIMAL (factor the (d+1)×(d+1) Hessian), DUAL (n×n), AUTO (the smaller)
     */
    public LaplaceLogistic(double[][] x, double[] t, int d, double biasPrecision, Form form) {
        if (x.length != t.length) {
            throw new IllegalArgumentException(x.length + " rows but " + t.length + " targets");
        }
        for (double v : t) {
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("targets must be 0 or 1, not " + v);
            }
        }
        this.x = Linalg.fromRows(x, d);
        this.t = t.clone();
        this.n = t.length;
        this.d = d;
        this.biasPrecision = biasPrecision;
        this.form = form.resolve(n, d + 1);
        this.outer = this.form == Form.DUAL ? Linalg.outerGram(this.x) : null;
    }

    public Form form() {
        return form;
    }

    public int features() {
        return d;
    }

    double biasPrecision() {
        return biasPrecision;
    }

    /** The Laplace posterior at prior precision α, starting Newton from {@code warm} (may be null). */
    public LaplacePosterior fit(double alpha, LaplacePosterior warm) {
        return form == Form.PRIMAL ? fitPrimal(alpha, warm) : fitDual(alpha, warm);
    }

    // ---- primal: Newton on m = (w, b) --------------------------------------------------------------------

    private LaplacePosterior fitPrimal(double alpha, LaplacePosterior warm) {
        int dd = d + 1;
        double[] m = warm != null && warm.dualCoefficients() == null ? warm.parameters() : new double[dd];
        double psi = primalObjective(m, alpha);
        Cholesky hChol = null;
        double[] f = null;
        int it = 0;
        for (; it < MAX_NEWTON; it++) {
            f = latent(m);
            double[] resid = new double[n];
            double[] sw = new double[n];
            for (int i = 0; i < n; i++) {
                double s = LogSumExp.sigmoid(f[i]);
                resid[i] = t[i] - s;
                sw[i] = Math.sqrt(s * (1 - s));
            }
            double[] g = augmentedTrans(resid);
            for (int j = 0; j < dd; j++) {
                g[j] -= prior(j, alpha) * m[j];
            }
            hChol = Linalg.cholesky(primalHessian(sw, alpha));
            double[] step = hChol.solve(g);
            double decrement = Linalg.dot(g, step);
            if (!(decrement > NEWTON_TOLERANCE * (1 + Math.abs(psi)))) {
                break;
            }
            double s = 1;
            double[] cand = new double[dd];
            boolean moved = false;
            for (int h = 0; h < MAX_LINE_HALVINGS; h++, s *= 0.5) {
                for (int j = 0; j < dd; j++) {
                    cand[j] = m[j] + s * step[j];
                }
                double pc = primalObjective(cand, alpha);
                if (pc >= psi) {
                    m = cand;
                    psi = pc;
                    moved = true;
                    break;
                }
            }
            if (!moved) {
                break;
            }
        }
        if (it == MAX_NEWTON || hChol == null) {
            f = latent(m);
            double[] sw = new double[n];
            for (int i = 0; i < n; i++) {
                double s = LogSumExp.sigmoid(f[i]);
                sw[i] = Math.sqrt(s * (1 - s));
            }
            hChol = Linalg.cholesky(primalHessian(sw, alpha));
        }
        double logDetP = d * Math.log(alpha) + Math.log(biasPrecision);
        double logEvidence = psi + 0.5 * logDetP - 0.5 * hChol.logDet();
        double[] hInvDiag = hChol.inverseDiagonal();
        double trace = 0;
        for (int j = 0; j < d; j++) {
            trace += hInvDiag[j];
        }
        double gamma = d - alpha * trace;
        return LaplacePosterior.primal(this, alpha, m, logEvidence, gamma, hChol, it);
    }

    /** H = P + X̃ᵀWX̃. */
    private DMatrixRMaj primalHessian(double[] sw, double alpha) {
        int dd = d + 1;
        DMatrixRMaj scaled = new DMatrixRMaj(n, dd);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                scaled.data[i * dd + j] = x.data[i * d + j] * sw[i];
            }
            scaled.data[i * dd + d] = sw[i];
        }
        DMatrixRMaj h = Linalg.gram(scaled);
        for (int j = 0; j < dd; j++) {
            h.add(j, j, prior(j, alpha));
        }
        return h;
    }

    private double primalObjective(double[] m, double alpha) {
        double[] f = latent(m);
        double s = logLikelihood(f);
        for (int j = 0; j <= d; j++) {
            s -= 0.5 * prior(j, alpha) * m[j] * m[j];
        }
        return s;
    }

    // ---- dual: Newton on a, m = P⁻¹X̃ᵀa ------------------------------------------------------------------

    private LaplacePosterior fitDual(double alpha, LaplacePosterior warm) {
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            k.data[i] = outer.data[i] / alpha + 1 / biasPrecision;
        }
        double[] a = warm != null && warm.dualCoefficients() != null ? warm.dualCoefficients() : new double[n];
        double[] f = Linalg.mult(k, a);
        double psi = logLikelihood(f) - 0.5 * Linalg.dot(a, f);
        Cholesky bChol = null;
        double[] sw = new double[n];
        int it = 0;
        for (; it <= MAX_NEWTON; it++) {
            double[] resid = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                double s = LogSumExp.sigmoid(f[i]);
                double w = s * (1 - s);
                sw[i] = Math.sqrt(w);
                resid[i] = t[i] - s;
                b[i] = w * f[i] + resid[i];
            }
            bChol = Linalg.cholesky(dualB(k, sw));
            if (it == MAX_NEWTON) {
                break; // B at the final point, for the posterior
            }
            double[] kb = Linalg.mult(k, b);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = sw[i] * kb[i];
            }
            double[] bv = bChol.solve(v);
            double[] da = new double[n];
            double[] g = new double[n];
            for (int i = 0; i < n; i++) {
                da[i] = b[i] - sw[i] * bv[i] - a[i];
                g[i] = resid[i] - a[i];
            }
            // gᵀH⁻¹g in weight space = (t − σ − a)ᵀ K Δa
            double decrement = Linalg.dot(g, Linalg.mult(k, da));
            if (!(decrement > NEWTON_TOLERANCE * (1 + Math.abs(psi)))) {
                break;
            }
            double s = 1;
            boolean moved = false;
            double[] cand = new double[n];
            for (int h = 0; h < MAX_LINE_HALVINGS; h++, s *= 0.5) {
                for (int i = 0; i < n; i++) {
                    cand[i] = a[i] + s * da[i];
                }
                double[] fc = Linalg.mult(k, cand);
                double pc = logLikelihood(fc) - 0.5 * Linalg.dot(cand, fc);
                if (pc >= psi) {
                    a = cand.clone();
                    f = fc;
                    psi = pc;
                    moved = true;
                    break;
                }
            }
            if (!moved) {
                break;
            }
        }
        double logEvidence = psi - 0.5 * bChol.logDet();
        // γ = tr(B⁻¹ W^½XXᵀW^½)/α, and W^½XXᵀW^½ = α(B − I − W^½11ᵀW^½/biasPrecision), so
        // γ = n − tr(B⁻¹) − (w^½)ᵀB⁻¹w^½ / biasPrecision
        double traceBInv = 0;
        for (double v : bChol.inverseDiagonal()) {
            traceBInv += v;
        }
        double gamma = n - traceBInv - bChol.quadraticForm(sw) / biasPrecision;
        double[] m = new double[d + 1];
        double[] wPart = Linalg.multTrans(x, a);
        for (int j = 0; j < d; j++) {
            m[j] = wPart[j] / alpha;
        }
        double sumA = 0;
        for (double ai : a) {
            sumA += ai;
        }
        m[d] = sumA / biasPrecision;
        return LaplacePosterior.dual(this, alpha, m, logEvidence, gamma, a, sw, bChol, Math.min(it, MAX_NEWTON));
    }

    private static DMatrixRMaj dualB(DMatrixRMaj k, double[] sw) {
        int n = sw.length;
        DMatrixRMaj b = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b.data[i * n + j] = sw[i] * k.data[i * n + j] * sw[j] + (i == j ? 1 : 0);
            }
        }
        return b;
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    double prior(int j, double alpha) {
        return j < d ? alpha : biasPrecision;
    }

    /** f = X̃ m. */
    double[] latent(double[] m) {
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double s = m[d];
            int row = i * d;
            for (int j = 0; j < d; j++) {
                s += x.data[row + j] * m[j];
            }
            f[i] = s;
        }
        return f;
    }

    /** X̃ᵀ r. */
    private double[] augmentedTrans(double[] r) {
        double[] w = Linalg.multTrans(x, r);
        double[] out = new double[d + 1];
        System.arraycopy(w, 0, out, 0, d);
        double s = 0;
        for (double ri : r) {
            s += ri;
        }
        out[d] = s;
        return out;
    }

    /** Σ log p(tᵢ | fᵢ). */
    double logLikelihood(double[] f) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += t[i] == 1 ? LogSumExp.logSigmoid(f[i]) : LogSumExp.logSigmoid(-f[i]);
        }
        return s;
    }

    /** X (rows × d), for the dual predictive variance. */
    DMatrixRMaj rows() {
        return x;
    }

    int size() {
        return n;
    }
}
