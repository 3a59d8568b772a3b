package org.mtlworkbench.model.sparse;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.mtlworkbench.model.FitFailedException;

/** Inverse and log-determinant of a symmetric positive-definite matrix through one Cholesky factorisation. */
final class Spd {

    final DMatrixRMaj inverse;
    final double logDet;

    private Spd(DMatrixRMaj inverse, double logDet) {
        this.inverse = inverse;
        this.logDet = logDet;
    }

    /**
     * Factorises {@code a} (symmetrised first, not modified). A matrix that is positive definite in exact
     * arithmetic but not numerically gets a growing diagonal jitter, up to 1e-6 of its mean diagonal.
     */
    static Spd of(DMatrixRMaj a) {
        int n = a.numRows;
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        CommonOps_DDRM.transpose(a, s);
        CommonOps_DDRM.addEquals(s, a);
        CommonOps_DDRM.scale(0.5, s);
        double meanDiag = CommonOps_DDRM.trace(s) / n;
        double jitter = 0;
        for (int attempt = 0; attempt < 6; attempt++) {
            DMatrixRMaj work = s.copy();
            if (jitter > 0) {
                for (int i = 0; i < n; i++) {
                    work.add(i, i, jitter);
                }
            }
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
            if (chol.decompose(work)) {
                DMatrixRMaj l = chol.getT(null);
                double logDet = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = i + 1; j < n; j++) {
                        l.set(i, j, 0);
                    }
                    double d = l.get(i, i);
                    if (!(d > 0)) {
                        logDet = Double.NaN;
                        break;
                    }
                    logDet += 2 * Math.log(d);
                }
                if (!Double.isNaN(logDet)) {
                    TriangularSolver_DDRM.invertLower(l.data, n);
                    DMatrixRMaj inv = new DMatrixRMaj(n, n);
                    CommonOps_DDRM.multTransA(l, l, inv);
                    return new Spd(inv, logDet);
                }
            }
            jitter = jitter == 0 ? 1e-12 * Math.max(meanDiag, 1e-300) : jitter * 100;
        }
        throw new FitFailedException("sparse-gig: a covariance matrix is not positive definite even with jitter "
                + "(mean diagonal " + meanDiag + "); the data may hold constant or duplicate features");
    }
}
