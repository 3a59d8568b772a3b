package org.mtlworkbench.model.coalescent;

/**
 * The multi-task variant's leaf update (ALGORITHMS.md §3.4 step 2): maximises over one task's log standard
 * deviations s
 * <pre>  g(s) = E_q log N(w; 0, S R S) + log N(s; μ_−k, τ_k L)
 *        = −Σ s_i − ½ Σ_ij (R⁻¹ ∘ M)_ij e^(−s_i − s_j) − ½ (s − μ)ᵀ L⁻¹ (s − μ) / τ_k + const,  </pre>
 * M = E[w wᵀ] = m mᵀ + V, with τ_k the cavity variance including the leaf's own branch (the reference library
 * dropped the branch length and treated the parent as fixed). Damped Newton with step halving (g never goes
 * down), stopped on a gradient tolerance. Returns the mode and a Laplace covariance (−∇²g)⁻¹, with the indefinite
 * part of the Hessian clipped so it is always positive definite.
 */
record LogStdStep(double[] s, double[][] cov, double value) {

    static LogStdStep maximise(double[] start, double[][] m, double[][] rInverse, double[] cavityMean,
                               double[][] cavityPrecision) {
        int d = start.length;
        double[][] b = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                b[i][j] = rInverse[i][j] * m[i][j];
            }
        }
        double[] s = start.clone();
        double current = value(s, b, cavityMean, cavityPrecision);
        for (int iter = 0; iter < 100; iter++) {
            double[] u = exp(s, -1);
            double[] bu = Dense.multiply(b, u);
            double[] grad = Dense.multiply(cavityPrecision, difference(cavityMean, s));
            for (int i = 0; i < d; i++) {
                grad[i] += -1 + u[i] * bu[i];
            }
            double[][] negHess = negativeHessian(u, bu, b, cavityPrecision);
            double[] step = Dense.solve(Dense.cholesky(negHess), grad);
            double scale = 1;
            double[] next = s;
            double nextValue = Double.NEGATIVE_INFINITY;
            for (int halving = 0; halving < 40; halving++) {
                next = s.clone();
                for (int i = 0; i < d; i++) {
                    next[i] += scale * step[i];
                }
                nextValue = value(next, b, cavityMean, cavityPrecision);
                if (nextValue >= current) {
                    break;
                }
                scale /= 2;
            }
            if (!(nextValue >= current)) {
                break;
            }
            double gain = nextValue - current;
            s = next;
            current = nextValue;
            if (gain < 1e-12 * (1 + Math.abs(current)) && Dense.dot(grad, step) < 1e-10) {
                break;
            }
        }
        double[] u = exp(s, -1);
        double[][] cov = Dense.inverse(Dense.cholesky(negativeHessian(u, Dense.multiply(b, u), b, cavityPrecision)));
        return new LogStdStep(s, cov, current);
    }

    /** −∇²g = diag(u ∘ Bu) + D_u B D_u + Q, with negative diagonal entries of the first term clipped at 0. */
    private static double[][] negativeHessian(double[] u, double[] bu, double[][] b, double[][] q) {
        int d = u.length;
        double[][] h = Dense.copy(q);
        for (int i = 0; i < d; i++) {
            h[i][i] += Math.max(u[i] * bu[i], 0);
            for (int j = 0; j < d; j++) {
                h[i][j] += u[i] * b[i][j] * u[j];
            }
        }
        return h;
    }

    static double value(double[] s, double[][] b, double[] mu, double[][] q) {
        double[] u = exp(s, -1);
        double v = -0.5 * Dense.quadratic(b, u) - 0.5 * Dense.quadratic(q, difference(s, mu));
        for (double si : s) {
            v -= si;
        }
        return v;
    }

    private static double[] exp(double[] s, double sign) {
        double[] u = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            u[i] = Math.exp(sign * s[i]);
        }
        return u;
    }

    private static double[] difference(double[] a, double[] b) {
        double[] e = new double[a.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = a[i] - b[i];
        }
        return e;
    }
}
