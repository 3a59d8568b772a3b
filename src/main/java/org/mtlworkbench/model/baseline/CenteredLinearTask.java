package org.mtlworkbench.model.baseline;

/**
 * Bayesian linear regression with an unshrunk intercept: the intercept has a flat prior and is integrated out
 * exactly by centring X and y on their means over the rows. What is left is a {@link LinearEvidence} in the
 * n − 1 dimensions orthogonal to the all-ones vector (N = n − 1, the restricted likelihood), and, given w, the
 * intercept's posterior is b = ȳ − x̄ᵀw with variance 1/(nβ), independent of w. So the predictive distribution
 * at x is N(ȳ + mᵀ(x − x̄), 1/β + 1/(nβ) + (x − x̄)ᵀA⁻¹(x − x̄)).
 */
public final class CenteredLinearTask {

    private final double[] xMean;
    private final double yMean;
    private final int rows;
    private final LinearEvidence evidence;

    private CenteredLinearTask(double[] xMean, double yMean, int rows, LinearEvidence evidence) {
        this.xMean = xMean;
        this.yMean = yMean;
        this.rows = rows;
        this.evidence = evidence;
    }

    /** Centres the rows and prepares the evidence (at least one row). */
    public static CenteredLinearTask of(double[][] x, double[] y, int d, Form form) {
        int n = y.length;
        if (n == 0) {
            throw new IllegalArgumentException("no rows");
        }
        double[] xm = new double[d];
        double ym = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xm[j] += x[i][j];
            }
            ym += y[i];
        }
        for (int j = 0; j < d; j++) {
            xm[j] /= n;
        }
        ym /= n;
        double[][] xc = new double[n][d];
        double[] yc = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                xc[i][j] = x[i][j] - xm[j];
            }
            yc[i] = y[i] - ym;
        }
        return new CenteredLinearTask(xm, ym, n, LinearEvidence.of(xc, yc, d, n - 1, form));
    }

    public LinearEvidence evidence() {
        return evidence;
    }

    public int rows() {
        return rows;
    }

    /** The posterior mean of the intercept, ȳ − x̄ᵀm. */
    public double intercept(LinearPosterior p) {
        return yMean - p.predictMean(xMean);
    }

    /** Predictive mean and variance (noise and intercept uncertainty included) at the posterior {@code p}. */
    public double[] predict(LinearPosterior p, double[] x) {
        double[] xc = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            xc[j] = x[j] - xMean[j];
        }
        double mean = yMean + p.predictMean(xc);
        double var = (1 + 1.0 / rows) / p.beta() + p.weightVariance(xc);
        return new double[] {mean, var};
    }
}
