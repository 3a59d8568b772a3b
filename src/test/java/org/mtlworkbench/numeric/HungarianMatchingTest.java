package org.mtlworkbench.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HungarianMatchingTest {

    @Test
    void matchesBruteForceOnRandomSquareAndRectangularMatrices() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rng.nextInt(6);
            int m = n + rng.nextInt(3);
            double[][] c = new double[n][m];
            for (double[] row : c) {
                for (int j = 0; j < m; j++) {
                    // small integers make ties common, which is where bookkeeping bugs show
                    row[j] = trial % 2 == 0 ? rng.nextInt(5) : rng.nextDouble() * 10 - 5;
                }
            }
            int[] col = HungarianMatching.minimize(c);
            assertThat(col).doesNotHaveDuplicates();
            assertThat(total(c, col)).isCloseTo(bruteForceMin(c), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void maximizeFindsThePermutationThatUndoesARelabelling() {
        double[][] overlap = {
            {0.1, 0.0, 5.0},
            {4.0, 0.2, 0.0},
            {0.0, 3.0, 0.1},
        };
        assertThat(HungarianMatching.maximize(overlap)).containsExactly(2, 0, 1);
    }

    @Test
    void rejectsMoreRowsThanColumnsAndNonFiniteCosts() {
        assertThatThrownBy(() -> HungarianMatching.minimize(new double[][] {{1}, {2}}))
                .hasMessageContaining("more rows");
        assertThatThrownBy(() -> HungarianMatching.minimize(new double[][] {{Double.NaN, 1}}))
                .hasMessageContaining("non-finite");
    }

    private static double total(double[][] c, int[] col) {
        double s = 0;
        for (int i = 0; i < col.length; i++) {
            s += c[i][col[i]];
        }
        return s;
    }

    private static double bruteForceMin(double[][] c) {
        return search(c, 0, new boolean[c[0].length]);
    }

    private static double search(double[][] c, int row, boolean[] used) {
        if (row == c.length) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < used.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.min(best, c[row][j] + search(c, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
