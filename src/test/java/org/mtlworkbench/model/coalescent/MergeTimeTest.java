package org.mtlworkbench.model.coalescent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** δ* against numerical maximisation of the same objective, and the clamp at 0 instead of a crash. */
class MergeTimeTest {

    @Test
    void closedFormDelayMaximisesTheScore() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            int d = 1 + rng.nextInt(12);
            double c = 1 + rng.nextInt(200);
            double q = 20 * rng.nextDouble() * rng.nextDouble();
            double s0 = 0.01 + 2 * rng.nextDouble() * rng.nextDouble();
            double delay = MergeTime.optimalDelay(c, q, s0, d);
            double best = goldenSection(c, q, s0, d, 0, 50);
            assertThat(delay).isGreaterThanOrEqualTo(0);
            assertThat(MergeTime.score(c, delay, q, s0, d))
                    .isGreaterThanOrEqualTo(MergeTime.score(c, best, q, s0, d) - 1e-9);
            assertThat(delay).isCloseTo(best, within(1e-5 * (1 + best)));
        }
    }

    @Test
    void delayIsClampedAtZeroWhenTheLineagesAreAlreadyFarApartInTime() {
        // s₀ = 4 is beyond the unconstrained optimum s* = (√(4cq + d²) − d)/(2c) ≈ 0.05: merge now.
        assertThat(MergeTime.optimalDelay(10, 1, 4, 3)).isZero();
        assertThat(MergeTime.score(10, 0, 1, 4, 3)).isFinite();
        // Identical messages with no variance: delay 0, and the score stays finite.
        assertThat(MergeTime.optimalDelay(10, 0, 0, 3)).isZero();
        assertThat(MergeTime.score(10, 0, 0, 0, 3)).isFinite();
    }

    private static double goldenSection(double c, double q, double s0, int d, double lo, double hi) {
        double g = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        for (int i = 0; i < 200; i++) {
            double x1 = b - g * (b - a);
            double x2 = a + g * (b - a);
            if (MergeTime.score(c, x1, q, s0, d) >= MergeTime.score(c, x2, q, s0, d)) {
                b = x2;
            } else {
                a = x1;
            }
        }
        return (a + b) / 2;
    }
}
