package org.mtlworkbench.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class LinalgTest {

    private static DMatrixRMaj randomSpd(int n, long seed) {
        Random r = new Random(seed);
        DMatrixRMaj x = new DMatrixRMaj(n + 3, n);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = r.nextGaussian();
        }
        DMatrixRMaj a = Linalg.gram(x);
        for (int i = 0; i < n; i++) {
            a.add(i, i, 0.1);
        }
        return a;
    }

    @Test
    void choleskyReconstructsTheMatrixAndSolves() {
        DMatrixRMaj a = randomSpd(6, 1);
        Cholesky c = Linalg.cholesky(a);
        assertThat(c.jitter()).isZero();
        DMatrixRMaj l = c.lower();
        DMatrixRMaj llt = new DMatrixRMaj(6, 6);
        CommonOps_DDRM.multTransB(l, l, llt);
        for (int i = 0; i < 36; i++) {
            assertThat(llt.data[i]).isCloseTo(a.data[i], within(1e-10));
        }
        double[] b = {1, -2, 0.5, 3, 0, -1};
        double[] x = c.solve(b);
        double[] back = Linalg.mult(a, x);
        for (int i = 0; i < 6; i++) {
            assertThat(back[i]).isCloseTo(b[i], within(1e-10));
        }
        DMatrixRMaj inv = c.inverse();
        DMatrixRMaj eye = new DMatrixRMaj(6, 6);
        CommonOps_DDRM.mult(a, inv, eye);
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 6; j++) {
                assertThat(eye.get(i, j)).isCloseTo(i == j ? 1 : 0, within(1e-10));
            }
        }
        assertThat(c.quadraticForm(b)).isCloseTo(Linalg.dot(b, x), within(1e-10));
    }

    @Test
    void logDetEqualsTheSumOfLogEigenvalues() {
        DMatrixRMaj a = randomSpd(7, 2);
        SymmetricEigen e = Linalg.eigenSymmetric(a);
        double s = 0;
        for (double v : e.values()) {
            s += Math.log(v);
        }
        assertThat(Linalg.logDetSpd(a)).isCloseTo(s, within(1e-10));
    }

    @Test
    void eigenDecompositionIsOrthonormalSortedAndReconstructs() {
        DMatrixRMaj a = randomSpd(5, 3);
        SymmetricEigen e = Linalg.eigenSymmetric(a);
        for (int i = 1; i < 5; i++) {
            assertThat(e.values()[i]).isLessThanOrEqualTo(e.values()[i - 1]);
        }
        for (int i = 0; i < 5; i++) {
            double[] vi = e.vector(i);
            double[] av = Linalg.mult(a, vi);
            for (int r = 0; r < 5; r++) {
                assertThat(av[r]).isCloseTo(e.values()[i] * vi[r], within(1e-9));
            }
            for (int j = 0; j < 5; j++) {
                assertThat(Linalg.dot(vi, e.vector(j))).isCloseTo(i == j ? 1 : 0, within(1e-10));
            }
        }
    }

    @Test
    void semiDefiniteMatrixGetsJitter() {
        // rank one: v vᵀ is only semi-definite
        double[] v = {1, 2, 3};
        DMatrixRMaj a = new DMatrixRMaj(3, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                a.set(i, j, v[i] * v[j]);
            }
        }
        Cholesky c = Linalg.cholesky(a);
        assertThat(c.jitter()).isPositive().isLessThanOrEqualTo(1e-4 * 14 / 3.0);
    }

    @Test
    void indefiniteOrNonFiniteMatrixFailsClearly() {
        DMatrixRMaj a = new DMatrixRMaj(new double[][] {{1, 0}, {0, -1}});
        assertThatThrownBy(() -> Linalg.cholesky(a))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("not positive definite");
        DMatrixRMaj nan = new DMatrixRMaj(new double[][] {{1, Double.NaN}, {Double.NaN, 1}});
        assertThatThrownBy(() -> Linalg.cholesky(nan))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("non-finite");
    }

    @Test
    void gramAndMatrixVectorProductsAgree() {
        DMatrixRMaj x = Linalg.fromRows(new double[][] {{1, 2}, {3, 4}, {5, 6}}, 2);
        DMatrixRMaj g = Linalg.gram(x);
        assertThat(g.get(0, 0)).isEqualTo(35.0);
        assertThat(g.get(0, 1)).isEqualTo(44.0);
        DMatrixRMaj o = Linalg.outerGram(x);
        assertThat(o.get(1, 2)).isEqualTo(39.0);
        assertThat(Linalg.mult(x, new double[] {1, -1})).containsExactly(-1, -1, -1);
        assertThat(Linalg.multTrans(x, new double[] {1, 0, 1})).containsExactly(6, 8);
    }
}
