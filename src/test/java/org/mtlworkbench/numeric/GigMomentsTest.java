package org.mtlworkbench.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/** GIG moments against direct numerical integration of the unnormalised density, and the limits in closed form. */
class GigMomentsTest {

    /** ∫ γ^k-type moments by the trapezoid rule in u = log γ (integrand e^{ωu − ½(χe^{−u} + φe^u)}). */
    static double[] byQuadrature(double omega, double chi, double phi) {
        double lo = -60;
        double hi = 60;
        int n = 240_000;
        double h = (hi - lo) / n;
        double max = Double.NEGATIVE_INFINITY;
        double[] g = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double u = lo + i * h;
            g[i] = omega * u - 0.5 * (chi * Math.exp(-u) + phi * Math.exp(u));
            max = Math.max(max, g[i]);
        }
        double z = 0;
        double m1 = 0;
        double mInv = 0;
        double mLog = 0;
        for (int i = 0; i <= n; i++) {
            double u = lo + i * h;
            double w = Math.exp(g[i] - max);
            z += w;
            m1 += w * Math.exp(u);
            mInv += w * Math.exp(-u);
            mLog += w * u;
        }
        return new double[] {m1 / z, mInv / z, mLog / z, max + Math.log(z * h)};
    }

    @Test
    void generalMomentsMatchQuadrature() {
        double[][] cases = {{1, 1, 1}, {-0.5, 2, 0.3}, {-7.5, 0.02, 5}, {12, 3, 40}, {0.2, 1e-3, 1e-2},
            {-20, 50, 0.5}, {20, 0.5, 30}, {3.3, 1e-6, 1e3}};
        for (double[] c : cases) {
            GigMoments m = GigMoments.of(c[0], c[1], c[2]);
            double[] q = byQuadrature(c[0], c[1], c[2]);
            assertThat(m.mean()).as("mean %s", java.util.Arrays.toString(c)).isCloseTo(q[0],
                    org.assertj.core.data.Percentage.withPercentage(1e-7));
            assertThat(m.meanInverse()).as("mean inverse %s", java.util.Arrays.toString(c)).isCloseTo(q[1],
                    org.assertj.core.data.Percentage.withPercentage(1e-7));
            assertThat(m.meanLog()).as("mean log %s", java.util.Arrays.toString(c))
                    .isCloseTo(q[2], org.assertj.core.data.Offset.offset(1e-8 * Math.max(1, Math.abs(q[2]))));
            // the normaliser: log ∫ γ^{ω−1} e^{…} dγ = −logNormaliser
            assertThat(-GigMoments.logNormaliser(c[0], c[1], c[2])).isCloseTo(q[3],
                    org.assertj.core.data.Offset.offset(1e-8 * Math.max(1, Math.abs(q[3]))));
        }
    }

    @Test
    void limitsAreTheGammaAndInverseGamma() {
        GigMoments g = GigMoments.of(3.5, 0, 2.0); // Gamma(3.5, rate 1)
        assertThat(g.mean()).isCloseTo(3.5, org.assertj.core.data.Offset.offset(1e-14));
        assertThat(g.meanInverse()).isCloseTo(1 / 2.5, org.assertj.core.data.Offset.offset(1e-14));
        assertThat(g.meanLog()).isCloseTo(Gamma.digamma(3.5), org.assertj.core.data.Offset.offset(1e-14));
        // and the general formula approaches it as chi → 0
        GigMoments near = GigMoments.of(3.5, 1e-12, 2.0);
        assertThat(near.mean()).isCloseTo(3.5, org.assertj.core.data.Offset.offset(1e-6));
        GigMoments ig = GigMoments.of(-4, 6.0, 0); // inverse-Gamma(4, scale 3)
        assertThat(ig.meanInverse()).isCloseTo(4 / 3.0, org.assertj.core.data.Offset.offset(1e-14));
        assertThat(ig.mean()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-14));
        GigMoments nearIg = GigMoments.of(-4, 6.0, 1e-12);
        assertThat(nearIg.meanInverse()).isCloseTo(4 / 3.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(GigMoments.expectedLogDensity(0, 0, 0, g)).isEqualTo(-g.meanLog());
    }

    @Test
    void entropyMatchesQuadrature() {
        double[] c = {-1.5, 2, 3};
        double[] q = byQuadrature(c[0], c[1], c[2]);
        // H = −E log p = −[−log Z + (ω−1)E log γ − ½(χ E γ⁻¹ + φ E γ)]
        double h = q[3] - ((c[0] - 1) * q[2] - 0.5 * (c[1] * q[1] + c[2] * q[0]));
        assertThat(GigMoments.entropy(c[0], c[1], c[2])).isCloseTo(h, org.assertj.core.data.Offset.offset(1e-8));
    }
}
