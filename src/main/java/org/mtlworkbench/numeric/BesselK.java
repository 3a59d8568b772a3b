package org.mtlworkbench.numeric;

import org.hipparchus.special.Gamma;

/**
 * The modified Bessel function of the second kind K_ν(x) for real order ν and real x &gt; 0, in log space, with the
 * order ratios K_{ν+1}/K_ν and K_{ν−1}/K_ν and the order derivative ∂_ν log K_ν(x). Hipparchus has none of these.
 *
 * <p>Method: for |μ| ≤ ½, K_μ and K_{μ+1} come from Temme's series (x &lt; 2) or Steed's continued fraction
 * (x ≥ 2, exponentially scaled), as in Numerical Recipes' {@code bessik}; higher orders follow by the upward
 * recurrence carried on the ratio r_ν = K_{ν+1}/K_ν (stable for K, never overflows), and log K_ν is the sum of
 * log ratios. K_{−ν} = K_ν. The order derivative has no recurrence, so it is the quotient of the two defining
 * integrals ∫ t sinh(νt) e^{−x cosh t} dt / ∫ cosh(νt) e^{−x cosh t} dt, taken by the trapezoidal rule, which
 * converges geometrically for these analytic, double-exponentially decaying integrands; the integrands are
 * scaled by their peak so nothing under- or overflows. Accuracy: about 1e-14 relative for log K and the
 * ratios, 1e-12 for the derivative, for |ν| up to thousands and x from 1e-300 to 1e300.
 */
public final class BesselK {

    private static final double EPS = 1e-16;
    private static final double EULER = 0.57721566490153286061;
    private static final int MAX_ITER = 100_000;

    private BesselK() {
    }

    /** log K_ν(x). */
    public static double logK(double nu, double x) {
        checkX(x);
        return base(Math.abs(nu), x).logKScaled - x;
    }

    /** K_ν(x); may underflow to 0 or overflow to ∞ where {@link #logK} does not. */
    public static double k(double nu, double x) {
        return Math.exp(logK(nu, x));
    }

    /** e^x K_ν(x), the exponentially scaled function. */
    public static double kScaled(double nu, double x) {
        checkX(x);
        return Math.exp(base(Math.abs(nu), x).logKScaled);
    }

    /** K_{ν+1}(x) / K_ν(x), for every real ν. */
    public static double ratioUp(double nu, double x) {
        checkX(x);
        if (nu >= 0) {
            return base(nu, x).ratio;
        }
        if (nu <= -1) {
            // K_{ν+1}/K_ν = K_{a−1}/K_a with a = −ν ≥ 1
            return 1.0 / base(-nu - 1, x).ratio;
        }
        // −1 < ν < 0: both orders lie in (0, 1); the recurrence would cancel catastrophically for small x
        return Math.exp(base(nu + 1, x).logKScaled - base(-nu, x).logKScaled);
    }

    /** K_{ν−1}(x) / K_ν(x), for every real ν (equal to {@code ratioUp(−ν, x)} by the symmetry K_{−ν} = K_ν). */
    public static double ratioDown(double nu, double x) {
        return ratioUp(-nu, x);
    }

    /** ∂ log K_ν(x) / ∂ν; odd in ν, zero at ν = 0. */
    public static double dLogKdNu(double nu, double x) {
        checkX(x);
        if (nu == 0) {
            return 0.0;
        }
        double a = Math.abs(nu);
        double d = OrderDerivative.of(a, x);
        return nu > 0 ? d : -d;
    }

    private static void checkX(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("Bessel K needs a finite argument x > 0, got " + x);
        }
    }

    /** log(e^x K_ν(x)) and K_{ν+1}/K_ν for ν ≥ 0; scaled so that huge x keeps its digits. */
    private record Base(double logKScaled, double ratio) {
    }

    private static Base base(double nu, double x) {
        int nl = (int) (nu + 0.5);
        double mu = nu - nl; // |mu| ≤ ½
        double logKmu;
        double r;
        if (x < 2) {
            double[] t = temme(mu, x);
            logKmu = Math.log(t[0]) + x;
            r = t[1];
        } else {
            double[] s = steed(mu, x);
            logKmu = s[0];
            r = s[1];
        }
        double logK = logKmu;
        double twoOverX = 2.0 / x;
        for (int i = 1; i <= nl; i++) {
            logK += Math.log(r);
            // K_{μ+i+1} = K_{μ+i−1} + (2(μ+i)/x) K_{μ+i}, divided by K_{μ+i}
            r = 1.0 / r + (mu + i) * twoOverX;
        }
        return new Base(logK, r);
    }

    /** Temme's series for x &lt; 2: {K_μ(x), K_{μ+1}(x)/K_μ(x)}, |μ| ≤ ½. */
    private static double[] temme(double mu, double x) {
        double x2 = 0.5 * x;
        double pimu = Math.PI * mu;
        double fact = Math.abs(pimu) < EPS ? 1.0 : pimu / Math.sin(pimu);
        double d = -Math.log(x2);
        double e = mu * d;
        double fact2 = Math.abs(e) < EPS ? 1.0 : Math.sinh(e) / e;
        double gPlus = Gamma.invGamma1pm1(mu);   // 1/Γ(1+μ) − 1
        double gMinus = Gamma.invGamma1pm1(-mu); // 1/Γ(1−μ) − 1
        // gam1 = (1/Γ(1−μ) − 1/Γ(1+μ)) / (2μ) → −γ_E as μ → 0; the difference of the "−1" forms has no cancellation
        double gam1 = Math.abs(mu) < 1e-8 ? -EULER : (gMinus - gPlus) / (2 * mu);
        double gam2 = 1.0 + 0.5 * (gMinus + gPlus);
        double gampl = 1.0 + gPlus;
        double gammi = 1.0 + gMinus;
        double ff = fact * (gam1 * Math.cosh(e) + gam2 * fact2 * d);
        double sum = ff;
        double ee = Math.exp(e);
        double p = 0.5 * ee / gampl;
        double q = 0.5 / (ee * gammi);
        double c = 1.0;
        double dd = x2 * x2;
        double sum1 = p;
        double mu2 = mu * mu;
        for (int i = 1; i < MAX_ITER; i++) {
            ff = (i * ff + p + q) / (i * (double) i - mu2);
            c *= dd / i;
            p /= i - mu;
            q /= i + mu;
            double del = c * ff;
            sum += del;
            double del1 = c * (p - i * ff);
            sum1 += del1;
            if (Math.abs(del) < Math.abs(sum) * EPS) {
                // the ratio before the factor 2/x: K_{μ+1} alone overflows for tiny x
                return new double[] {sum, (sum1 / sum) * (2.0 / x)};
            }
        }
        throw new ArithmeticException("Bessel K: Temme series did not converge for mu=" + mu + ", x=" + x);
    }

    /** Steed's continued fraction CF2 for x ≥ 2: {log(e^x K_μ(x)), K_{μ+1}/K_μ}, |μ| ≤ ½. */
    private static double[] steed(double mu, double x) {
        double mu2 = mu * mu;
        double b = 2.0 * (1.0 + x);
        double d = 1.0 / b;
        double h = d;
        double delh = d;
        double q1 = 0.0;
        double q2 = 1.0;
        double a1 = 0.25 - mu2;
        double q = a1;
        double c = a1;
        double a = -a1;
        double s = 1.0 + q * delh;
        for (int i = 1; i < MAX_ITER; i++) {
            a -= 2 * i;
            c = -a * c / (i + 1.0);
            double qnew = (q1 - b * q2) / a;
            q1 = q2;
            q2 = qnew;
            q += c * qnew;
            b += 2.0;
            d = 1.0 / (b + a * d);
            delh = (b * d - 1.0) * delh;
            h += delh;
            double dels = q * delh;
            s += dels;
            if (Math.abs(dels / s) < EPS) {
                h = a1 * h;
                double logKmu = 0.5 * Math.log(Math.PI / (2.0 * x)) - Math.log(s);
                double ratio = (mu + x + 0.5 - h) / x;
                return new double[] {logKmu, ratio};
            }
        }
        throw new ArithmeticException("Bessel K: continued fraction did not converge for mu=" + mu + ", x=" + x);
    }
}
