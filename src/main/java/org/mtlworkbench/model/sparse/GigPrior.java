package org.mtlworkbench.model.sparse;

import org.hipparchus.special.Gamma;
import org.mtlworkbench.numeric.GigMoments;

/**
 * The shared prior GIG(ω, χ, φ) over the group precisions γ_i and its type-II maximum-likelihood update
 * (ALGORITHMS.md §4.5): maximise Σ_i E_q[log GIG(γ_i | ω, χ, φ)] given the posterior moments of every γ_i.
 *
 * <p>The GIG is an exponential family with statistics (log γ, 1/γ, γ) and natural parameters affine in
 * (ω, χ, φ), so the objective is concave in (ω, χ, φ); the general and NIG cases use Newton's method there with
 * the exact gradient (Σ_i⟨T_i⟩ − Q E_prior[T]) and a Hessian by differences of the prior moments, with
 * backtracking that only accepts increases. The limits have closed forms: Gamma ML for Student-t, χ for Laplace.
 */
final class GigPrior {

    /** Bounds that keep a degenerate ML (all groups alike: the prior collapses onto a point) finite. */
    static final double MIN_SCALE = 1e-10;
    static final double MAX_SCALE = 1e10;
    static final double MAX_ABS_OMEGA = 500;

    final PriorPreset preset;
    private final int tasks;
    double omega;
    double chi;
    double phi;

    GigPrior(PriorPreset preset, int tasks, double omega, double chi, double phi) {
        this.preset = preset;
        this.tasks = tasks;
        switch (preset) {
            case GENERAL -> set(omega, chi, phi);
            case STUDENT_T -> {
                if (!(omega > 0)) {
                    throw new IllegalArgumentException("the Student-t prior needs omega > 0, got " + omega);
                }
                set(omega, 0, phi);
            }
            case LAPLACE -> set(Double.NaN, chi, 0);
            case ARD -> set(0, 0, 0);
            case NIG -> set(-0.5, chi, phi);
            default -> throw new IllegalStateException();
        }
    }

    private void set(double o, double c, double f) {
        omega = o;
        chi = c;
        phi = f;
    }

    /** The order ω for a group of {@code size} features (only Laplace makes it depend on the size). */
    double omegaFor(int size) {
        return preset == PriorPreset.LAPLACE ? -(tasks * (double) size + 1) / 2 : omega;
    }

    double expectedLogDensity(int size, GigMoments m) {
        return GigMoments.expectedLogDensity(omegaFor(size), chi, phi, m);
    }

    /** Type-II ML update from the posterior moments of the Q group precisions. */
    void fit(GigMoments[] m, int[] sizes) {
        int q = m.length;
        double sl = 0;
        double sinv = 0;
        double sg = 0;
        for (GigMoments g : m) {
            sl += g.meanLog();
            sinv += g.meanInverse();
            sg += g.mean();
        }
        switch (preset) {
            case ARD -> { }
            case LAPLACE -> {
                double a = 0;
                for (int s : sizes) {
                    a += -omegaFor(s);
                }
                chi = clamp(2 * a / sinv);
            }
            case STUDENT_T -> {
                double shape = gammaShape(Math.log(sg / q) - sl / q);
                omega = shape;
                phi = clamp(2 * shape * q / sg);
            }
            case GENERAL, NIG -> newton(q, sl, sinv, sg, preset == PriorPreset.NIG);
            default -> throw new IllegalStateException();
        }
    }

    /** Σ_i E[log GIG(γ_i)] for statistics sums, general case. */
    static double objective(double o, double c, double f, int q, double sl, double sinv, double sg) {
        return q * GigMoments.logNormaliser(o, c, f) + (o - 1) * sl - 0.5 * (c * sinv + f * sg);
    }

    private static double[] gradient(double o, double c, double f, int q, double sl, double sinv, double sg) {
        GigMoments e = GigMoments.of(o, c, f);
        return new double[] {sl - q * e.meanLog(), 0.5 * (q * e.meanInverse() - sinv), 0.5 * (q * e.mean() - sg)};
    }

    private void newton(int q, double sl, double sinv, double sg, boolean fixOmega) {
        double[] x = {omega, chi, phi};
        double fx = objective(x[0], x[1], x[2], q, sl, sinv, sg);
        int first = fixOmega ? 1 : 0;
        for (int iter = 0; iter < 200; iter++) {
            double[] g = gradient(x[0], x[1], x[2], q, sl, sinv, sg);
            double[][] h = new double[3][3];
            for (int j = first; j < 3; j++) {
                double step = 1e-5 * Math.max(j == 0 ? 1 : 0, Math.abs(x[j]));
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[j] += step;
                xm[j] -= step;
                double[] gp = gradient(xp[0], xp[1], xp[2], q, sl, sinv, sg);
                double[] gm = gradient(xm[0], xm[1], xm[2], q, sl, sinv, sg);
                for (int i = first; i < 3; i++) {
                    h[i][j] = (gp[i] - gm[i]) / (2 * step);
                }
            }
            double[] dir = solveNegative(h, g, first);
            if (dir == null) {
                dir = new double[3];
                for (int i = first; i < 3; i++) {
                    dir[i] = g[i] * Math.max(1e-3, Math.abs(x[i]) * 1e-3);
                }
            }
            boolean moved = false;
            for (double alpha = 1; alpha > 1e-12; alpha *= 0.5) {
                double[] y = x.clone();
                for (int i = first; i < 3; i++) {
                    y[i] += alpha * dir[i];
                }
                if (y[1] < MIN_SCALE || y[2] < MIN_SCALE || y[1] > MAX_SCALE || y[2] > MAX_SCALE
                        || Math.abs(y[0]) > MAX_ABS_OMEGA) {
                    continue;
                }
                double fy = objective(y[0], y[1], y[2], q, sl, sinv, sg);
                if (fy > fx) {
                    moved = fy - fx > 1e-14 * Math.max(1, Math.abs(fx));
                    x = y;
                    fx = fy;
                    break;
                }
            }
            if (!moved) {
                break;
            }
        }
        set(x[0], x[1], x[2]);
    }

    /** Solves (−H) d = g on the free coordinates; null when −H is not positive definite. */
    private static double[] solveNegative(double[][] h, double[] g, int first) {
        int n = 3 - first;
        org.ejml.data.DMatrixRMaj a = new org.ejml.data.DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a.set(i, j, -0.5 * (h[i + first][j + first] + h[j + first][i + first]));
            }
        }
        org.ejml.interfaces.linsol.LinearSolverDense<org.ejml.data.DMatrixRMaj> s =
                org.ejml.dense.row.factory.LinearSolverFactory_DDRM.chol(n);
        if (!s.setA(a)) {
            return null;
        }
        org.ejml.data.DMatrixRMaj b = new org.ejml.data.DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) {
            b.set(i, 0, g[i + first]);
        }
        org.ejml.data.DMatrixRMaj d = new org.ejml.data.DMatrixRMaj(n, 1);
        s.solve(b, d);
        double[] out = new double[3];
        for (int i = 0; i < n; i++) {
            out[i + first] = d.get(i, 0);
            if (!Double.isFinite(out[i + first])) {
                return null;
            }
        }
        return out;
    }

    /** ML shape of a Gamma from c = log(mean γ) − mean log γ &gt; 0 (Minka's generalised Newton). */
    static double gammaShape(double c) {
        if (!(c > 0)) {
            return 1e6;
        }
        double a = (3 - c + Math.sqrt((c - 3) * (c - 3) + 24 * c)) / (12 * c);
        for (int i = 0; i < 100; i++) {
            double num = -c + Math.log(a) - Gamma.digamma(a);
            double den = a * a * (1 / a - Gamma.trigamma(a));
            double next = 1 / (1 / a + num / den);
            if (!(next > 0)) {
                break;
            }
            boolean done = Math.abs(next - a) < 1e-14 * a;
            a = next;
            if (done) {
                break;
            }
        }
        return a;
    }

    private static double clamp(double v) {
        return Math.min(MAX_SCALE, Math.max(MIN_SCALE, v));
    }
}
