package org.mtlworkbench.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BesselK} against values computed independently: a 50-digit mpmath table (besselk-mpmath.csv, generated
 * by besselk_table.py beside it), closed forms for half-integer orders, and a separate double-precision
 * quadrature of the defining integral over the whole grid ω ∈ [−20, 20], x ∈ [1e-6, 1e3].
 */
class BesselKTest {

    record Row(double nu, double x, double logK, double up, double down, double dlog) {
    }

    static List<Row> table() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                BesselKTest.class.getResourceAsStream("besselk-mpmath.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                rows.add(new Row(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            }
        }
        return rows;
    }

    private static double rel(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    }

    @Test
    void logKMatchesTheMpmathTable() throws IOException {
        List<Row> rows = table();
        assertThat(rows).hasSize(144);
        for (Row row : rows) {
            double got = BesselK.logK(row.nu, row.x);
            // absolute error in log K = relative error in K
            assertThat(Math.abs(got - row.logK)).as("log K_%s(%s)", row.nu, row.x)
                    .isLessThan(1e-13 * Math.max(1, Math.abs(row.logK)));
        }
    }

    @Test
    void ratiosMatchTheMpmathTable() throws IOException {
        for (Row row : table()) {
            assertThat(rel(BesselK.ratioUp(row.nu, row.x), row.up)).as("K_{nu+1}/K_nu, nu=%s x=%s", row.nu, row.x)
                    .isLessThan(1e-12);
            assertThat(rel(BesselK.ratioDown(row.nu, row.x), row.down)).as("K_{nu-1}/K_nu, nu=%s x=%s", row.nu,
                    row.x).isLessThan(1e-12);
        }
    }

    @Test
    void orderDerivativeMatchesTheMpmathTable() throws IOException {
        for (Row row : table()) {
            double got = BesselK.dLogKdNu(row.nu, row.x);
            assertThat(Math.abs(got - row.dlog)).as("d/dnu log K, nu=%s x=%s", row.nu, row.x)
                    .isLessThan(1e-11 * Math.max(1, Math.abs(row.dlog)));
        }
    }

    @Test
    void halfIntegerOrdersMatchTheirClosedForms() {
        for (double x : new double[] {1e-6, 0.01, 0.7, 3, 40, 900}) {
            // K_{1/2}(x) = sqrt(pi/(2x)) e^{-x}; K_{3/2}(x) = K_{1/2}(x) (1 + 1/x); K_{5/2} = K_{1/2} (1 + 3/x + 3/x^2)
            double log12 = 0.5 * Math.log(Math.PI / (2 * x)) - x;
            assertThat(BesselK.logK(0.5, x)).isCloseTo(log12, org.assertj.core.data.Offset.offset(1e-13 * Math.max(1, Math.abs(log12))));
            assertThat(rel(BesselK.ratioUp(0.5, x), 1 + 1 / x)).isLessThan(1e-13);
            assertThat(rel(BesselK.ratioUp(1.5, x), (1 + 3 / x + 3 / (x * x)) / (1 + 1 / x))).isLessThan(1e-13);
            assertThat(rel(BesselK.ratioUp(-0.5, x), 1.0)).isLessThan(1e-13);
        }
    }

    /** Whole-line trapezoid of ∫₀^∞ e^{−x cosh t} cosh(νt) dt, written independently of the production code. */
    static double logKByQuadrature(double nu, double x) {
        double a = Math.abs(nu);
        double h = 1e-3 * Math.min(1, 1 / Math.sqrt(Math.max(x, 1e-300)) + 0.0);
        h = Math.min(h, 2e-3);
        double tMax = Math.log(2 * (a + 50) / x) + 5;
        int n = (int) Math.ceil(tMax / h);
        double[] g = new double[n + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= n; i++) {
            double t = i * h;
            double logCosh = a * t + Math.log1p(Math.exp(-2 * a * t)) - Math.log(2);
            double s = Math.sinh(t / 2);
            g[i] = logCosh - x * 2 * s * s;
            max = Math.max(max, g[i]);
        }
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            sum += (i == 0 ? 0.5 : 1.0) * Math.exp(g[i] - max);
        }
        return max + Math.log(sum * h) - x;
    }

    @Test
    void logKAndRatiosAgreeWithQuadratureOverTheWholeGrid() {
        for (double nu = -20; nu <= 20; nu += 1.7) {
            for (double lx = -6; lx <= 3; lx += 0.75) {
                double x = Math.pow(10, lx);
                double q = logKByQuadrature(nu, x);
                assertThat(Math.abs(BesselK.logK(nu, x) - q)).as("nu=%s x=%s", nu, x)
                        .isLessThan(1e-10 * Math.max(1, Math.abs(q)));
                double up = Math.exp(logKByQuadrature(nu + 1, x) - q);
                assertThat(rel(BesselK.ratioUp(nu, x), up)).as("ratio nu=%s x=%s", nu, x).isLessThan(1e-9);
            }
        }
    }

    @Test
    void orderDerivativeAgreesWithFiniteDifferencesOfLogK() {
        for (double nu = -20; nu <= 20; nu += 1.3) {
            for (double lx = -6; lx <= 3; lx += 0.5) {
                double x = Math.pow(10, lx);
                double h = 1e-4 * Math.max(1, Math.abs(nu));
                // fourth-order central difference of the recurrence-based log K
                double fd = (-BesselK.logK(nu + 2 * h, x) + 8 * BesselK.logK(nu + h, x) - 8 * BesselK.logK(nu - h, x)
                        + BesselK.logK(nu - 2 * h, x)) / (12 * h);
                double d = BesselK.dLogKdNu(nu, x);
                assertThat(Math.abs(d - fd)).as("nu=%s x=%s", nu, x).isLessThan(1e-7 * Math.max(1, Math.abs(d)));
            }
        }
    }

    @Test
    void largeOrdersAndExtremeArgumentsStayFinite() {
        for (double nu : new double[] {0, 0.3, 57, 800, 2500}) {
            for (double x : new double[] {1e-300, 1e-30, 1e-6, 1, 1e3, 1e6, 1e12}) {
                assertThat(BesselK.logK(nu, x)).isFinite();
                assertThat(BesselK.ratioUp(nu, x)).isFinite().isPositive();
                assertThat(BesselK.ratioDown(nu, x)).isFinite().isPositive();
                assertThat(BesselK.dLogKdNu(nu, x)).isFinite();
            }
        }
        // large-argument asymptotics: K_nu(x) ~ sqrt(pi/2x) e^{-x} (1 + (4nu^2-1)/(8x))
        double x = 1e8;
        double approx = 0.5 * Math.log(Math.PI / (2 * x)) - x + Math.log1p((4 * 9.0 - 1) / (8 * x));
        assertThat(BesselK.logK(3, x)).isCloseTo(approx, org.assertj.core.data.Offset.offset(1e-6));
    }
}
