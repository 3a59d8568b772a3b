package org.mtlworkbench.numeric;

import org.ejml.data.DMatrixRMaj;

/**
 * Eigen-decomposition A = V diag(values) Vᵀ of a symmetric matrix, eigenvalues in descending order, orthonormal
 * eigenvectors as the columns of {@code vectors} (column i belongs to values[i]).
 */
public record SymmetricEigen(double[] values, DMatrixRMaj vectors) {

    public int size() {
        return values.length;
    }

    /** Column i of V (a copy). */
    public double[] vector(int i) {
        double[] v = new double[vectors.numRows];
        for (int r = 0; r < v.length; r++) {
            v[r] = vectors.get(r, i);
        }
        return v;
    }
}
