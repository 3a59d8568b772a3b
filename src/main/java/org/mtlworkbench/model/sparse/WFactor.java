package org.mtlworkbench.model.sparse;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.mtlworkbench.numeric.Cholesky;
import org.mtlworkbench.numeric.Linalg;

/**
 * q(W) = Π_p N(w_p | m_p, S_p) with S_p = (X_pᵀX_p/σ² + A/τ)⁻¹, A = blockdiag(⟨γ_i⟩⟨Ω_i⁻¹⟩), and
 * m_p = S_p (X_pᵀy_p/σ² + A ⟨Zᵀ⟩⟨v_p⟩/τ) (ALGORITHMS.md §4.4; with shared inputs all S_p are equal and this is the
 * matrix-normal MN(M_W, I_P, Ω_W) of the spec). The primal form inverts D×D matrices; the dual form (shared
 * inputs, D &gt; N) uses Woodbury with A' = A/τ and C = σ²I_N + X A'⁻¹ Xᵀ, and never forms S: it keeps only the
 * diagonal blocks the other factors need.
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
            Cholesky f = Linalg.cholesky(prec);
            covs[s] = f.inverse();
            int weight = data.shared ? p : 1;
            sumLogDet -= weight * f.logDet(); // log|S| = −log|precision|
            traceGramCov += weight * traceOfProduct(data.gram(s), covs[s]);
            for (int g = 0; g < q; g++) {
                DMatrixRMaj block = CommonOps_DDRM.extract(covs[s], off[g], off[g + 1], off[g], off[g + 1]);
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

    /**
     * Dual form (shared inputs, D &gt; N). With A'_i = R_i R_iᵀ (Cholesky per group) and Y = X R⁻ᵀ (blockwise),
     * C = σ²I_N + X A'⁻¹ Xᵀ = σ²I_N + Y Yᵀ = L Lᵀ and G = L⁻¹Y, Woodbury gives S = R⁻ᵀ (I − GᵀG) R⁻¹. Nothing of
     * size D×D and no explicit C⁻¹ is formed: the cost per iteration is Y Yᵀ (N²D/2, symmetric), the Cholesky of C
     * (N³/3), one forward substitution L⁻¹Y (N²D/2, row by row) and L⁻¹ for tr C⁻¹ (N³/3). C itself changes with
     * every ⟨γ_i⟩, ⟨Ω_i⁻¹⟩ and τ, so it cannot be kept from one iteration to the next.
     */
    private void dual(TaskData data, int[] off, DMatrixRMaj[] aBlocks, double sigma2, DMatrixRMaj rhs) {
        DMatrixRMaj x = data.sharedX;
        int n = x.numRows;
        int d = data.features;
        int q = off.length - 1;
        int p = data.tasks;
        DMatrixRMaj[] rInv = new DMatrixRMaj[q];
        double logDetA = 0;
        DMatrixRMaj y = new DMatrixRMaj(n, d);
        for (int g = 0; g < q; g++) {
            Cholesky f = Linalg.cholesky(aBlocks[g]);
            logDetA += f.logDet();
            DMatrixRMaj ri = f.lower();
            TriangularSolver_DDRM.invertLower(ri.data, ri.numRows);
            rInv[g] = ri;
            // Y_g = X_g R_g⁻ᵀ
            DMatrixRMaj xg = CommonOps_DDRM.extract(x, 0, n, off[g], off[g + 1]);
            DMatrixRMaj yg = new DMatrixRMaj(n, ri.numRows);
            CommonOps_DDRM.multTransB(xg, ri, yg);
            CommonOps_DDRM.insert(yg, y, 0, off[g]);
        }
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multOuter(y, c);
        for (int i = 0; i < n; i++) {
            c.add(i, i, sigma2);
        }
        Cholesky cf = Linalg.cholesky(c);
        DMatrixRMaj gMat = y; // overwritten: G = L⁻¹Y
        forwardSubstitute(cf.lower(), gMat);
        // S B = R⁻ᵀ (B̃ − Gᵀ G B̃) with B̃ = R⁻¹ B
        DMatrixRMaj bt = blockMult(rInv, off, rhs, false);
        DMatrixRMaj gb = new DMatrixRMaj(n, p);
        CommonOps_DDRM.mult(gMat, bt, gb);
        CommonOps_DDRM.multAddTransA(-1.0, gMat, gb, bt);
        DMatrixRMaj sb = blockMult(rInv, off, bt, true);
        mean = new DMatrixRMaj(p, d);
        CommonOps_DDRM.transpose(sb, mean);
        sumBlocks = new DMatrixRMaj[q];
        for (int g = 0; g < q; g++) {
            int di = off[g + 1] - off[g];
            DMatrixRMaj gg = CommonOps_DDRM.extract(gMat, 0, n, off[g], off[g + 1]);
            DMatrixRMaj inner = CommonOps_DDRM.identity(di);
            CommonOps_DDRM.multAddTransA(-1.0, gg, gg, inner);
            DMatrixRMaj tmp = new DMatrixRMaj(di, di);
            CommonOps_DDRM.multTransA(rInv[g], inner, tmp);
            DMatrixRMaj block = new DMatrixRMaj(di, di);
            CommonOps_DDRM.mult(tmp, rInv[g], block);
            CommonOps_DDRM.scale(p, block);
            sumBlocks[g] = block;
        }
        // tr(XᵀX S) = Nσ² − σ⁴ tr(C⁻¹) and log|S| = N log σ² − log|A'| − log|C|
        double trCInv = 0;
        for (double v : cf.inverseDiagonal()) {
            trCInv += v;
        }
        traceGramCov = p * (n * sigma2 - sigma2 * sigma2 * trCInv);
        sumLogDet = p * (n * Math.log(sigma2) - logDetA - cf.logDet());
        // xᵀ S x = |R⁻¹x|² − |G R⁻¹x|²
        covariance = (task, v) -> {
            DMatrixRMaj col = new DMatrixRMaj(d, 1, true, v);
            DMatrixRMaj rv = blockMult(rInv, off, col, false);
            DMatrixRMaj grv = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.mult(gMat, rv, grv);
            return CommonOps_DDRM.dot(rv, rv) - CommonOps_DDRM.dot(grv, grv);
        };
    }

    /** Block-diagonal product: R⁻¹ B (or R⁻ᵀ B when {@code transpose}), one D_i × D_i block per group. */
    private static DMatrixRMaj blockMult(DMatrixRMaj[] blocks, int[] off, DMatrixRMaj b, boolean transpose) {
        DMatrixRMaj out = new DMatrixRMaj(b.numRows, b.numCols);
        for (int g = 0; g < blocks.length; g++) {
            DMatrixRMaj bg = CommonOps_DDRM.extract(b, off[g], off[g + 1], 0, b.numCols);
            DMatrixRMaj r = new DMatrixRMaj(bg.numRows, bg.numCols);
            if (transpose) {
                CommonOps_DDRM.multTransA(blocks[g], bg, r);
            } else {
                CommonOps_DDRM.mult(blocks[g], bg, r);
            }
            CommonOps_DDRM.insert(r, out, off[g], 0);
        }
        return out;
    }

    /** B ← L⁻¹B in place, row by row so that the inner loop runs along contiguous rows of B. */
    static void forwardSubstitute(DMatrixRMaj lower, DMatrixRMaj b) {
        int n = lower.numRows;
        int m = b.numCols;
        double[] l = lower.data;
        double[] bd = b.data;
        for (int i = 0; i < n; i++) {
            int row = i * m;
            for (int k = 0; k < i; k++) {
                double lik = l[i * n + k];
                if (lik != 0) {
                    int other = k * m;
                    for (int j = 0; j < m; j++) {
                        bd[row + j] -= lik * bd[other + j];
                    }
                }
            }
            double inv = 1 / l[i * n + i];
            for (int j = 0; j < m; j++) {
                bd[row + j] *= inv;
            }
        }
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
