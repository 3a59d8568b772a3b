package org.mtlworkbench.numeric;

/**
 * ∂_ν log K_ν(x) for ν &gt; 0 as the quotient of ∫₀^∞ t sinh(νt) e^{−x cosh t} dt and
 * ∫₀^∞ cosh(νt) e^{−x cosh t} dt. Both integrands are even, analytic and decay double-exponentially, so the
 * trapezoidal rule over the whole line converges geometrically in 1/h; the step follows the width of the peak
 * (near t* = asinh(ν/x), curvature about √(x² + ν²)). Log-integrands are evaluated relative to their maxima.
 */
final class OrderDerivative {

    /** Nodes are kept while the log-integrand lies within this of its maximum (e^{−46} ≈ 1e-20). */
    private static final double CUT = 46.0;
    private static final int MAX_NODES = 20_000_000;

    private OrderDerivative() {
    }

    static double of(double a, double x) {
        double width = Math.pow(x * x + a * a, -0.25);
        double h = Math.min(0.25, width / 3.0);
        double tPeak = asinh(a / x);
        // pass 1: how far to go and the maxima
        double maxK = Double.NEGATIVE_INFINITY;
        double maxN = Double.NEGATIVE_INFINITY;
        int n = 0;
        for (; n < MAX_NODES; n++) {
            double t = n * h;
            double gk = logIntegrandK(a, x, t);
            double gn = n == 0 ? Double.NEGATIVE_INFINITY : logIntegrandN(a, x, t);
            maxK = Math.max(maxK, gk);
            maxN = Math.max(maxN, gn);
            if (t > tPeak && gk < maxK - CUT && gn < maxN - CUT) {
                break;
            }
        }
        // pass 2: the sums, scaled; f(0) has weight ½ on the half line (the N integrand vanishes there)
        double sumK = 0.5 * Math.exp(logIntegrandK(a, x, 0) - maxK);
        double sumN = 0.0;
        for (int i = 1; i <= n; i++) {
            double t = i * h;
            sumK += Math.exp(logIntegrandK(a, x, t) - maxK);
            sumN += Math.exp(logIntegrandN(a, x, t) - maxN);
        }
        return Math.exp(maxN - maxK + Math.log(sumN) - Math.log(sumK));
    }

    /** log(cosh(a t)) − x (cosh t − 1). */
    static double logIntegrandK(double a, double x, double t) {
        return logCosh(a * t) - x * coshMinusOne(t);
    }

    /** log(t sinh(a t)) − x (cosh t − 1), t &gt; 0. */
    static double logIntegrandN(double a, double x, double t) {
        return Math.log(t) + logSinh(a * t) - x * coshMinusOne(t);
    }

    static double coshMinusOne(double t) {
        double s = Math.sinh(0.5 * t);
        return 2 * s * s;
    }

    static double logCosh(double u) {
        double v = Math.abs(u);
        return v + Math.log1p(Math.exp(-2 * v)) - Math.log(2);
    }

    static double logSinh(double u) {
        if (u < 1) {
            return Math.log(Math.sinh(u));
        }
        return u + Math.log1p(-Math.exp(-2 * u)) - Math.log(2);
    }

    private static double asinh(double v) {
        return v > 1e8 ? Math.log(2 * v) : Math.log(v + Math.sqrt(v * v + 1));
    }
}
