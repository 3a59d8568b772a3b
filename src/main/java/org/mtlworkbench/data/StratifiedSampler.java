package org.mtlworkbench.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded choice of training rows within one task. For classification the choice is stratified: each class gets a
 * share proportional to its size (largest remainders), and every class gets at least one row when there are at least
 * as many rows to choose as classes, so a training set of two or more rows holds two classes.
 */
final class StratifiedSampler {

    private StratifiedSampler() {
    }

    /** A generator for one task, independent of the other tasks and of the task order. */
    static Random rngFor(long seed, String taskName) {
        long z = seed * 0x9E3779B97F4A7C15L + taskName.hashCode();
        // SplitMix64 finaliser, so that near seeds give unrelated streams
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    /**
     * Chooses {@code k} of the given row positions.
     *
     * @param pool    candidate positions in the task (ascending)
     * @param classOf the class of each position of the task, or null for regression (no strata)
     * @return the chosen positions, ascending
     */
    static int[] choose(int[] pool, int k, int[] classOf, Random rng) {
        if (k >= pool.length) {
            return pool.clone();
        }
        if (classOf == null) {
            return sorted(pick(pool, k, rng));
        }
        // the pool's positions grouped by class, in ascending class order
        int maxClass = 0;
        for (int p : pool) {
            maxClass = Math.max(maxClass, classOf[p]);
        }
        List<List<Integer>> strata = new ArrayList<>();
        for (int c = 0; c <= maxClass; c++) {
            strata.add(new ArrayList<>());
        }
        for (int p : pool) {
            strata.get(classOf[p]).add(p);
        }
        strata.removeIf(List::isEmpty);
        int[] sizes = new int[strata.size()];
        for (int s = 0; s < sizes.length; s++) {
            sizes[s] = strata.get(s).size();
        }
        int[] alloc = allocate(sizes, k);
        int[] out = new int[k];
        int n = 0;
        for (int s = 0; s < sizes.length; s++) {
            int[] members = strata.get(s).stream().mapToInt(Integer::intValue).toArray();
            for (int p : pick(members, alloc[s], rng)) {
                out[n++] = p;
            }
        }
        return sorted(out);
    }

    /**
     * Splits {@code k} among strata of the given sizes: proportional shares by largest remainder (ties to the
     * earlier stratum), then at least one each while {@code k} allows, taken from the largest allocations.
     */
    static int[] allocate(int[] sizes, int k) {
        int total = Arrays.stream(sizes).sum();
        int[] alloc = new int[sizes.length];
        double[] frac = new double[sizes.length];
        int given = 0;
        for (int s = 0; s < sizes.length; s++) {
            double quota = (double) k * sizes[s] / total;
            alloc[s] = (int) Math.floor(quota);
            frac[s] = quota - alloc[s];
            given += alloc[s];
        }
        while (given < k) {
            int best = -1;
            for (int s = 0; s < sizes.length; s++) {
                if (alloc[s] < sizes[s] && (best < 0 || frac[s] > frac[best])) {
                    best = s;
                }
            }
            alloc[best]++;
            frac[best] = -1;
            given++;
        }
        if (k >= sizes.length) {
            for (int s = 0; s < sizes.length; s++) {
                if (alloc[s] == 0) {
                    int donor = 0;
                    for (int t = 1; t < sizes.length; t++) {
                        if (alloc[t] > alloc[donor]) {
                            donor = t;
                        }
                    }
                    alloc[donor]--;
                    alloc[s]++;
                }
            }
        }
        return alloc;
    }

    /** {@code k} distinct members drawn uniformly (partial Fisher–Yates), in draw order. */
    private static int[] pick(int[] members, int k, Random rng) {
        int[] a = members.clone();
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(a.length - i);
            int tmp = a[i];
            a[i] = a[j];
            a[j] = tmp;
        }
        return Arrays.copyOf(a, k);
    }

    private static int[] sorted(int[] a) {
        Arrays.sort(a);
        return a;
    }
}
