package org.mtlworkbench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StratifiedSamplerTest {

    @Test
    void allocationKnownAnswers() {
        assertThat(StratifiedSampler.allocate(new int[] {20, 10}, 15)).containsExactly(10, 5);
        assertThat(StratifiedSampler.allocate(new int[] {9, 1}, 2)).containsExactly(1, 1); // minority kept
        assertThat(StratifiedSampler.allocate(new int[] {9, 1}, 1)).containsExactly(1, 0);
        // quotas 1.5, 1.5: the tie goes to the first stratum
        assertThat(StratifiedSampler.allocate(new int[] {5, 5}, 3)).containsExactly(2, 1);
    }

    @Test
    void allocationInvariantsOverManyRandomCases() {
        Random r = new Random(7);
        for (int trial = 0; trial < 20_000; trial++) {
            int strata = 1 + r.nextInt(5);
            int[] sizes = new int[strata];
            int total = 0;
            for (int s = 0; s < strata; s++) {
                sizes[s] = 1 + r.nextInt(r.nextBoolean() ? 3 : 40);
                total += sizes[s];
            }
            int k = r.nextInt(total + 1);
            int[] alloc = StratifiedSampler.allocate(sizes, k);
            assertThat(Arrays.stream(alloc).sum()).isEqualTo(k);
            boolean everyQuotaAtLeastOne = true;
            for (int s = 0; s < strata; s++) {
                assertThat(alloc[s]).isBetween(0, sizes[s]);
                if (k >= strata) {
                    assertThat(alloc[s]).as("every class represented").isGreaterThanOrEqualTo(1);
                }
                everyQuotaAtLeastOne &= (double) k * sizes[s] / total >= 1;
            }
            if (everyQuotaAtLeastOne) {
                for (int s = 0; s < strata; s++) {
                    double quota = (double) k * sizes[s] / total;
                    assertThat(Math.abs(alloc[s] - quota)).as("proportional").isLessThan(1.0);
                }
            }
        }
    }

    @Test
    void chooseGivesDistinctSortedMembersOfThePoolWithTheAllocatedClassCounts() {
        int[] classOf = new int[50];
        for (int i = 0; i < 50; i++) {
            classOf[i] = i % 5 == 0 ? 1 : 0; // 10 of class 1
        }
        int[] pool = new int[40];
        for (int i = 0; i < 40; i++) {
            pool[i] = i + 10; // positions 10..49: 32 of class 0, 8 of class 1
        }
        for (long seed = 0; seed < 50; seed++) {
            int[] chosen = StratifiedSampler.choose(pool, 10, classOf, new Random(seed));
            assertThat(chosen).hasSize(10).isSorted();
            Set<Integer> distinct = new HashSet<>();
            int ones = 0;
            for (int p : chosen) {
                assertThat(p).isBetween(10, 49);
                distinct.add(p);
                ones += classOf[p];
            }
            assertThat(distinct).hasSize(10);
            assertThat(ones).isEqualTo(2); // 10 × 8/40
        }
    }

    @Test
    void choiceIsUniformForRegression() {
        // each of 10 positions should be drawn in 3/10 of the draws
        int[] pool = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        int[] hits = new int[10];
        Random r = new Random(1);
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            for (int p : StratifiedSampler.choose(pool, 3, null, r)) {
                hits[p]++;
            }
        }
        for (int h : hits) {
            // binomial sd = sqrt(20000 × 0.3 × 0.7) ≈ 65: allow 5 sd
            assertThat(Math.abs(h - draws * 0.3)).isLessThan(325);
        }
    }

    @Test
    void perTaskGeneratorsDependOnSeedAndName() {
        assertThat(StratifiedSampler.rngFor(1, "a").nextLong()).isEqualTo(StratifiedSampler.rngFor(1, "a").nextLong());
        assertThat(StratifiedSampler.rngFor(1, "a").nextLong()).isNotEqualTo(StratifiedSampler.rngFor(2, "a").nextLong());
        assertThat(StratifiedSampler.rngFor(1, "a").nextLong()).isNotEqualTo(StratifiedSampler.rngFor(1, "b").nextLong());
    }
}
