package org.mtlworkbench.model.sparse;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * q(W) = Π_p N(w_p | m_p, S_p) with S_p = (X_pᵀX_p/σ² + A/τ)⁻¹, A = blockdiag(⟨γ_i⟩⟨Ω_i⁻¹⟩), and
 * m_p = S_p (X_pᵀy_p/σ² + A ⟨Zᵀ⟩⟨v_p⟩/τ) (ALGORITHMS.md §4.4; with shared inputs all S_p are equal and this is the
 * matrix-normal MN(M_W, I_P, Ω_W) of the spec). The primal form inverts D×D matrices; the dual form (shared
 * inputs, D &gt; N) uses Woodbury, S = A'⁻¹ − Uᵀ C⁻¹ U with A' = A/τ, U = X A'⁻¹, C = σ²I_N + X A'⁻¹ Xᵀ, and
 * never forms S: it keeps only the diagonal blocks the other factors need.
 */
final class WFactor {

    /** P × D posterior means. */
    DMatrixRMaj mean;
    /** Per group, Σ_p (S_p)_{ii}: the D_i × D_i diagonal blocks summed over tasks. */
    DMatrixRMaj[] sumBlocks;
    /** Σ_p tr(X_pᵀX_p S_p). */
    double traceGramCov;
    /** Σ_p log|S_p|. */
    double sumLogDet;
    /** For prediction: xᵀ S_p x. */
    Covariance covariance;

    /** The posterior covariance of one task's weights, as a quadratic form. */
    interface Covariance {
        double quadratic(int task, double[] x);
    }

    static WFactor update(TaskData data, int[] off, double[] gammaMean, DMatrixRMaj[] lambdaMean, double tau,
                          double sigma2, DMatrixRMaj priorMean, boolean dual) {
        int d = data.features;
        int q = off.length - 1;
        DMatrixRMaj[] aBlocks = new DMatrixRMaj[q];
        DMatrixRMaj a = new DMatrixRMaj(d, d);
        for (int g = 0; g < q; g++) {
            aBlocks[g] = lambdaMean[g].copy();
            CommonOps_DDRM.scale(gammaMean[g] / tau, aBlocks[g]);
            CommonOps_DDRM.insert(aBlocks[g], a, off[g], off[g]);
        }
        // right-hand sides B = Xᵀy/σ² + A' μ, one column per task, μ_p = ⟨Z⟩ᵀ⟨v_p⟩
        DMatrixRMaj rhs = new DMatrixRMaj(d, data.tasks);
        CommonOps_DDRM.multTransB(a, priorMean, rhs);
        CommonOps_DDRM.addEquals(rhs, 1.0 / sigma2, data.xty);
        WFactor w = new WFactor();
        if (dual && data.shared) {
            w.dual(data, off, aBlocks, sigma2, rhs);
        } else {
            w.primal(data, off, a, sigma2, rhs);
        }
        return w;
    }

    private void primal(TaskData data, int[] off, DMatrixRMaj a, double sigma2, DMatrixRMaj rhs) {
        int p = data.tasks;
        int d = data.features;
        int q = off.length - 1;
        mean = new DMatrixRMaj(p, d);
        sumBlocks = new DMatrixRMaj[q];
        for (int g = 0; g < q; g++) {
            sumBlocks[g] = new DMatrixRMaj(off[g + 1] - off[g], off[g + 1] - off[g]);
        }
        int distinct = data.shared ? 1 : p;
        DMatrixRMaj[] covs = new DMatrixRMaj[distinct];
        for (int s = 0; s < distinct; s++) {
            DMatrixRMaj prec = data.gram(s).copy();
            CommonOps_DDRM.scale(1.0 / sigma2, prec);
            CommonOps_DDRM.addEquals(prec, a);
            Spd f = Spd.of(prec);
            covs[s] = f.inverse;
            int weight = data.shared ? p : 1;
            sumLogDet -= weight * f.logDet; // log|S| = −log|precision|
            traceGramCov += weight * traceOfProduct(data.gram(s), f.inverse);
            for (int g = 0; g < q; g++) {
                DMatrixRMaj block = CommonOps_DDRM.extract(f.inverse, off[g], off[g + 1], off[g], off[g + 1]);
                CommonOps_DDRM.addEquals(sumBlocks[g], weight, block);
            }
        }
        DMatrixRMaj m = new DMatrixRMaj(d, 1);
        DMatrixRMaj b = new DMatrixRMaj(d, 1);
        for (int t = 0; t < p; t++) {
            CommonOps_DDRM.extract(rhs, 0, d, t, t + 1, b, 0, 0);
            CommonOps_DDRM.mult(covs[data.shared ? 0 : t], b, m);
            for (int k = 0; k < d; k++) {
                mean.set(t, k, m.get(k, 0));
            }
        }
        covariance = (task, x) -> quadratic(covs[data.shared ? 0 : task], x);
    }

    private void dual(TaskData data, int[] off, DMatrixRMaj[] aBlocks, double sigma2, DMatrixRMaj rhs) {
        DMatrixRMaj x = data.sharedX;
        int n = x.numRows;
        int d = data.features;
        int q = off.length - 1;
        DMatrixRMaj aInv = new DMatrixRMaj(d, d);
        double logDetA = 0;
        for (int g = 0; g < q; g++) {
            Spd f = Spd.of(aBlocks[g]);
            logDetA += f.logDet;
            CommonOps_DDRM.insert(f.inverse, aInv, off[g], off[g]);
        }
        // U = X A'⁻¹ blockwise (A'⁻¹ is block diagonal)
        DMatrixRMaj u = new DMatrixRMaj(n, d);
        for (int g = 0; g < q; g++) {
            DMatrixRMaj xg = CommonOps_DDRM.extract(x, 0, n, off[g], off[g + 1]);
            DMatrixRMaj ag = CommonOps_DDRM.extract(aInv, off[g], off[g + 1], off[g], off[g + 1]);
            DMatrixRMaj ug = new DMatrixRMaj(n, off[g + 1] - off[g]);
            CommonOps_DDRM.mult(xg, ag, ug);
            CommonOps_DDRM.insert(ug, u, 0, off[g]);
        }
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransB(u, x, c);
        for (int i = 0; i < n; i++) {
            c.add(i, i, sigma2);
        }
        Spd cf = Spd.of(c);
        DMatrixRMaj cInv = cf.inverse;
        int p = data.tasks;
        // S B = A'⁻¹B − Uᵀ C⁻¹ (U B)
        DMatrixRMaj sb = new DMatrixRMaj(d, p);
        CommonOps_DDRM.mult(aInv, rhs, sb);
        DMatrixRMaj ub = new DMatrixRMaj(n, p);
        CommonOps_DDRM.mult(u, rhs, ub);
        DMatrixRMaj cub = new DMatrixRMaj(n, p);
        CommonOps_DDRM.mult(cInv, ub, cub);
        CommonOps_DDRM.multAddTransA(-1.0, u, cub, sb);
        mean = new DMatrixRMaj(p, d);
        CommonOps_DDRM.transpose(sb, mean);
        DMatrixRMaj cu = new DMatrixRMaj(n, d);
        CommonOps_DDRM.mult(cInv, u, cu);
        sumBlocks = new DMatrixRMaj[q];
        for (int g = 0; g < q; g++) {
            DMatrixRMaj ug = CommonOps_DDRM.extract(u, 0, n, off[g], off[g + 1]);
            DMatrixRMaj cug = CommonOps_DDRM.extract(cu, 0, n, off[g], off[g + 1]);
            DMatrixRMaj block = CommonOps_DDRM.extract(aInv, off[g], off[g + 1], off[g], off[g + 1]);
            CommonOps_DDRM.multAddTransA(-1.0, ug, cug, block);
            CommonOps_DDRM.scale(p, block);
            sumBlocks[g] = block;
        }
        // tr(XᵀX S) = Nσ² − σ⁴ tr(C⁻¹) and log|S| = N log σ² − log|A'| − log|C|, both from C = σ²I + X A'⁻¹ Xᵀ
        traceGramCov = p * (n * sigma2 - sigma2 * sigma2 * CommonOps_DDRM.trace(cInv));
        sumLogDet = p * (n * Math.log(sigma2) - logDetA - cf.logDet);
        covariance = (task, v) -> {
            double[] ux = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += u.get(i, k) * v[k];
                }
                ux[i] = s;
            }
            return quadratic(aInv, v) - quadratic(cInv, ux);
        };
    }

    static double quadratic(DMatrixRMaj m, double[] x) {
        int n = x.length;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double r = 0;
            for (int j = 0; j < n; j++) {
                r += m.get(i, j) * x[j];
            }
            s += x[i] * r;
        }
        return s;
    }

    static double traceOfProduct(DMatrixRMaj a, DMatrixRMaj b) {
        // tr(A B) for symmetric B = Σ_ij A_ij B_ij
        double s = 0;
        for (int i = 0; i < a.data.length; i++) {
            s += a.data[i] * b.data[i];
        }
        return s;
    }
}
