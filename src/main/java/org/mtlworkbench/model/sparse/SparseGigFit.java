package org.mtlworkbench.model.sparse;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.GroupSparsity;
import org.mtlworkbench.relatedness.RelatednessView;
import org.mtlworkbench.relatedness.TaskMatrix;

/**
 * A fitted (or current) sparse-GIG model: the posterior of W per task for prediction, the group precisions and
 * the task correlation for the relatedness views. Holds its own copies; safe to keep after the fit.
 */
public final class SparseGigFit implements FittedModel {

    private final TaskData data;
    private final DMatrixRMaj mean;
    private final WFactor.Covariance covariance;
    private final double sigma2;
    private final double[] gammaMean;
    private final double[][] taskCorrelation;
    private final double[][] weightNorms;
    private final List<String> taskNames;
    private final List<String> groupNames;
    private final double[] prior;

    SparseGigFit(VariationalState s, List<String> taskNames, List<String> groupNames) {
        this.data = s.data;
        this.mean = s.w.mean.copy();
        this.covariance = s.w.covariance;
        this.sigma2 = s.sigma2;
        // γ_i and Ω_i⁻¹ trade scale (only γ_iΩ_i⁻¹ enters the prior of W_i), so the view shows the effective
        // precision ⟨γ_i⟩ tr⟨Ω_i⁻¹⟩ / D_i, which that trade leaves unchanged
        this.gammaMean = new double[s.q];
        for (int g = 0; g < s.q; g++) {
            gammaMean[g] = s.gm[g].mean() * CommonOps_DDRM.trace(s.lamMean[g]) / s.size[g];
        }
        this.taskNames = List.copyOf(taskNames);
        this.groupNames = List.copyOf(groupNames);
        this.prior = new double[] {s.prior.omega, s.prior.chi, s.prior.phi};
        // Σ = ⟨VVᵀ⟩ + τI = M_V M_Vᵀ + (tr C_V + τ) I, normalised to a correlation (signs kept)
        DMatrixRMaj sigma = new DMatrixRMaj(s.p, s.p);
        CommonOps_DDRM.multTransB(s.mv, s.mv, sigma);
        double diag = CommonOps_DDRM.trace(s.cv) + s.tau;
        for (int i = 0; i < s.p; i++) {
            sigma.add(i, i, diag);
        }
        taskCorrelation = new double[s.p][s.p];
        for (int i = 0; i < s.p; i++) {
            for (int j = 0; j < s.p; j++) {
                taskCorrelation[i][j] = sigma.get(i, j) / Math.sqrt(sigma.get(i, i) * sigma.get(j, j));
            }
        }
        weightNorms = new double[s.p][s.q];
        for (int t = 0; t < s.p; t++) {
            for (int g = 0; g < s.q; g++) {
                double ss = 0;
                for (int j = s.off[g]; j < s.off[g + 1]; j++) {
                    ss += mean.get(t, j) * mean.get(t, j);
                }
                weightNorms[t][g] = Math.sqrt(ss);
            }
        }
    }

    @Override
    public Prediction predict(int task, double[][] x) {
        int n = x.length;
        double[] mu = new double[n];
        double[] var = new double[n];
        int d = data.features;
        double[] xc = new double[d];
        double scale = data.yScale[task];
        for (int i = 0; i < n; i++) {
            double m = 0;
            for (int k = 0; k < d; k++) {
                xc[k] = x[i][data.perm[k]] - data.xMean[task][k];
                m += mean.get(task, k) * xc[k];
            }
            mu[i] = data.yMean[task] + scale * m;
            var[i] = scale * scale * (sigma2 + Math.max(0, covariance.quadratic(task, xc)));
        }
        return new Prediction.Regression(mu, var);
    }

    @Override
    public List<RelatednessView> relatedness() {
        return List.of(
                new TaskMatrix("task correlation from Σ = ⟨VVᵀ⟩ + τI (negative = anti-correlated)", taskNames,
                        taskCorrelation, true),
                new GroupSparsity("effective precision ⟨γ_i⟩·tr⟨Ω_i⁻¹⟩/D_i per feature group (large = switched "
                        + "off); weight norms per task",
                        groupNames, gammaMean, taskNames, weightNorms));
    }

    /** The effective precision ⟨γ_i⟩ tr⟨Ω_i⁻¹⟩ / D_i per group, in group order. */
    public double[] groupPrecision() {
        return gammaMean.clone();
    }

    /** The task correlation matrix from Σ. */
    public double[][] taskCorrelation() {
        double[][] c = new double[taskCorrelation.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = taskCorrelation[i].clone();
        }
        return c;
    }

    /** Posterior mean weights, tasks × features in the data set's feature order, on standardised targets. */
    public double[][] weights() {
        double[][] out = new double[mean.numRows][data.features];
        for (int t = 0; t < mean.numRows; t++) {
            for (int k = 0; k < data.features; k++) {
                out[t][data.perm[k]] = mean.get(t, k);
            }
        }
        return out;
    }

    public List<String> groupNames() {
        return groupNames;
    }

    /** The learned prior (ω, χ, φ); ω is NaN for the Laplace preset, whose order depends on the group size. */
    public double[] prior() {
        return prior.clone();
    }

    public double noiseVariance() {
        return sigma2;
    }
}
