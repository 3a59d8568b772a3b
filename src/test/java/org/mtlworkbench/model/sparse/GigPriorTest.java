package org.mtlworkbench.model.sparse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mtlworkbench.numeric.GigMoments;

/**
 * The type-II ML update of the general GIG prior. Its family holds the Student-t prior (the Gamma, χ → 0) as a
 * limit, so the general fit can never end below the Gamma fit; the first version stalled as soon as χ reached
 * its lower bound and ended far below it on posteriors like those of the block-sparse scenario.
 */
class GigPriorTest {

    /** Two relevant groups (⟨γ⟩ ≈ 20) and eight switched off (⟨γ⟩ ≈ 2000), Gamma posteriors of shape 7. */
    private static GigMoments[] separatedPosteriors() {
        GigMoments[] m = new GigMoments[10];
        for (int i = 0; i < m.length; i++) {
            double mean = i < 2 ? 20 + 5 * i : 1500 + 100 * i;
            m[i] = GigMoments.of(7, 0, 2 * 7 / mean);
        }
        return m;
    }

    private static double objective(GigPrior p, GigMoments[] m) {
        double s = 0;
        for (GigMoments g : m) {
            s += GigMoments.expectedLogDensity(p.omega, p.chi, p.phi, g);
        }
        return s;
    }

    @Test
    void generalFitIsAtLeastAsGoodAsItsGammaLimit() {
        GigMoments[] m = separatedPosteriors();
        int[] sizes = new int[m.length];
        java.util.Arrays.fill(sizes, 2);
        GigPrior gamma = new GigPrior(PriorPreset.STUDENT_T, 6, 1, 0, 1);
        gamma.fit(m, sizes);
        // from the default start and from the point where the first version stalled (χ on its lower bound)
        for (double[] start : new double[][] {{1, 1, 1}, {2.51, GigPrior.MIN_SCALE, 0.0452}}) {
            GigPrior general = new GigPrior(PriorPreset.GENERAL, 6, start[0], start[1], start[2]);
            general.fit(m, sizes);
            assertThat(objective(general, m)).as("general fit from %s", java.util.Arrays.toString(start))
                    .isGreaterThanOrEqualTo(objective(gamma, m) - 1e-6);
        }
    }

    @Test
    void fitDoesNotDecreaseTheObjective() {
        GigMoments[] m = separatedPosteriors();
        int[] sizes = new int[m.length];
        java.util.Arrays.fill(sizes, 2);
        for (PriorPreset preset : PriorPreset.values()) {
            GigPrior p = new GigPrior(preset, 6, 1, 1, 1);
            if (preset == PriorPreset.ARD) {
                continue;
            }
            double before = 0;
            for (int i = 0; i < m.length; i++) {
                before += p.expectedLogDensity(sizes[i], m[i]);
            }
            p.fit(m, sizes);
            double after = 0;
            for (int i = 0; i < m.length; i++) {
                after += p.expectedLogDensity(sizes[i], m[i]);
            }
            assertThat(after).as(preset.id).isGreaterThanOrEqualTo(before);
        }
    }
}
