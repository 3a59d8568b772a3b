package org.mtlworkbench.model.coalescent;

/**
 * A diffusion covariance (Λ for weights, L for log standard deviations) with its Cholesky factor, so that messages
 * can be whitened once (‖C⁻¹Δ‖² = ΔᵀΛ⁻¹Δ) instead of solving per pair. Immutable.
 */
public final class Diffusion {

    private final double[][] matrix;
    private final double[][] chol;
    private final double logDet;

    public Diffusion(double[][] matrix) {
        this.matrix = Dense.symmetrize(Dense.copy(matrix));
        this.chol = Dense.cholesky(this.matrix);
        this.logDet = Dense.logDet(chol);
    }

    public static Diffusion isotropic(int d, double variance) {
        return new Diffusion(Dense.identity(d, variance));
    }

    /**
     * The inverse-Wishart posterior mode given {@code n} independent N(0, Λ) vectors whose summed (expected) outer
     * products are {@code scatter}: (ψ·I + scatter) / (ν + n + d + 1) with prior IW(ν = d + 1, ψ·I). Recomputed
     * from the current statistics every time; nothing accumulates across EM iterations.
     */
    public static Diffusion posteriorMode(double[][] scatter, int n, double psi) {
        return posteriorMode(scatter, n, psi, Structure.FULL);
    }

    /** Which covariances Λ may be; the restricted modes are exact MAPs under the same prior, not projections. */
    public enum Structure {
        /** Any covariance. */
        FULL,
        /** Λ = diag(λ_j): λ_j = (S_jj + ψ)/(ν + n + d + 1), the full mode's diagonal. */
        DIAGONAL,
        /** Λ = λ·I: λ = (tr S + d·ψ)/(d·(ν + n + d + 1)), the full mode's mean diagonal. */
        ISOTROPIC
    }

    /** {@link #posteriorMode(double[][], int, double)} restricted to a structure. */
    public static Diffusion posteriorMode(double[][] scatter, int n, double psi, Structure structure) {
        int d = scatter.length;
        double nu = d + 1;
        double[][] m = Dense.copy(scatter);
        for (int i = 0; i < d; i++) {
            m[i][i] += psi;
        }
        double denom = nu + n + d + 1;
        for (double[] row : m) {
            for (int j = 0; j < d; j++) {
                row[j] /= denom;
            }
        }
        if (structure != Structure.FULL) {
            double mean = 0;
            for (int i = 0; i < d; i++) {
                mean += m[i][i] / d;
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    m[i][j] = i != j ? 0 : structure == Structure.ISOTROPIC ? mean : m[i][i];
                }
            }
        }
        return new Diffusion(m);
    }

    public int dimension() {
        return matrix.length;
    }

    public double[][] matrix() {
        return Dense.copy(matrix);
    }

    public double logDet() {
        return logDet;
    }

    /** The lower Cholesky factor C of Λ = C Cᵀ (shared, do not modify). */
    double[][] factor() {
        return chol;
    }

    /** C⁻¹x with Λ = C Cᵀ. */
    public double[] whiten(double[] x) {
        return Dense.forward(chol, x);
    }

    /** xᵀΛ⁻¹x. */
    public double mahalanobis(double[] x) {
        double[] z = whiten(x);
        return Dense.dot(z, z);
    }

    /** tr(Λ⁻¹ V). */
    public double traceInverseTimes(double[][] v) {
        return Dense.traceSolve(chol, v);
    }

    public double[][] inverse() {
        return Dense.inverse(chol);
    }

    /** Λ⁻¹ x. */
    public double[] solve(double[] x) {
        return Dense.solve(chol, x);
    }

    /** log N(x; 0, scale·Λ). */
    public double logDensity(double[] x, double scale) {
        return expectedLogDensity(mahalanobis(x), scale);
    }

    /** E log N(x; 0, scale·Λ) when E[xᵀΛ⁻¹x] = {@code quad}. */
    public double expectedLogDensity(double quad, double scale) {
        int d = matrix.length;
        return -0.5 * d * Math.log(2 * Math.PI * scale) - 0.5 * logDet - quad / (2 * scale);
    }

    /** log IW(Λ; ν = d + 1, ψ·I), normalised. */
    public double logInverseWishartPrior(double psi) {
        int d = matrix.length;
        double nu = d + 1;
        double trace = 0;
        double[][] inv = inverse();
        for (int i = 0; i < d; i++) {
            trace += psi * inv[i][i];
        }
        double logNorm = 0.5 * nu * d * Math.log(psi) - 0.5 * nu * d * Math.log(2)
                - logMultivariateGamma(d, nu / 2);
        return logNorm - 0.5 * (nu + d + 1) * logDet - 0.5 * trace;
    }

    private static double logMultivariateGamma(int d, double a) {
        double s = 0.25 * d * (d - 1) * Math.log(Math.PI);
        for (int j = 1; j <= d; j++) {
            s += org.hipparchus.special.Gamma.logGamma(a + (1 - j) / 2.0);
        }
        return s;
    }
}
