package org.mtlworkbench.model.coalescent;

/**
 * Greedy-MaxProb tree construction (ALGORITHMS.md §3.4): with n lineages left, every pair's optimal merge delay δ*
 * and score f(δ*) are computed ({@link MergeTime}) and the best pair merges; K − 1 times.
 *
 * <p>Cost. A pair's score depends on three things: the pair statistic q = ‖m̃_a − m̃_b‖² + t_a + t_b (O(d) to
 * compute), the pair's offset u_a + u_b (u = v − h, O(1)), and the step's rate c and last merge height, which are
 * shared by all pairs. So q is computed once per pair and cached; after a merge only the pairs touching the new
 * node get a new q (O(n·d)). Each step then rescans the cached pairs with O(1) arithmetic each: O(K²·d + K³) flops
 * in all, against the reference library's O(K³·d³) (a Cholesky per pair per step).
 *
 * <p>Ties. Pairs are scanned in increasing node-id order (leaves in task order, then merges in the order made) and
 * only a strictly better score replaces the best, so equal scores resolve to the lowest ids and the tree is
 * reproducible.
 */
public final class GreedyCoalescent {

    private GreedyCoalescent() {
    }

    /**
     * Builds the tree.
     *
     * @param whitened leaf values whitened by the diffusion covariance (C⁻¹x with Λ = C Cᵀ), K × d
     * @param traces   per leaf tr(Λ⁻¹ V_k), the leaf's own uncertainty (0 for exact values); it adds to the
     *                 expected distance so that identical leaves still merge at a finite score
     */
    public static CoalescentTree build(double[][] whitened, double[] traces) {
        return build(whitened, traces, new double[whitened.length]);
    }

    /**
     * Builds the tree from leaf messages N(whitened_k, v_k·I) (whitened coordinates): a leaf known only up to
     * variance v_k enters every merge with that variance added to its branch, so δ* and the score use
     * s = v_a + v_b + branch lengths (message variance + Λ·branch).
     *
     * @param leafVariances v_k ≥ 0 per leaf, in units of Λ
     */
    public static CoalescentTree build(double[][] whitened, double[] traces, double[] leafVariances) {
        int k = whitened.length;
        if (k == 0) {
            throw new IllegalArgumentException("no leaves");
        }
        int d = whitened[0].length;
        int nodes = 2 * k - 1;
        double[][] mean = new double[nodes][];
        double[] v = new double[nodes];
        double[] h = new double[nodes];
        double[] t = new double[nodes];
        double[][] q = new double[nodes][];
        int[] active = new int[k];
        for (int i = 0; i < k; i++) {
            mean[i] = whitened[i].clone();
            t[i] = traces[i];
            v[i] = leafVariances[i];
            active[i] = i;
            q[i] = new double[nodes];
            for (int j = 0; j < i; j++) {
                q[i][j] = distance(mean[i], mean[j]) + t[i] + t[j];
            }
        }
        int n = k;
        int[] left = new int[k - 1];
        int[] right = new int[k - 1];
        double[] heights = new double[k - 1];
        double last = 0;
        for (int step = 0; step < k - 1; step++) {
            double c = n * (n - 1) / 2.0;
            double best = Double.NEGATIVE_INFINITY;
            int bestA = -1;
            int bestB = -1;
            double bestDelay = 0;
            for (int ia = 0; ia < n; ia++) {
                int a = active[ia];
                double ua = v[a] - h[a] + 2 * last;
                for (int ib = ia + 1; ib < n; ib++) {
                    int b = active[ib];
                    double qab = q[b][a];
                    double s0 = ua + v[b] - h[b];
                    double delay = MergeTime.optimalDelay(c, qab, s0, d);
                    double score = MergeTime.score(c, delay, qab, s0, d);
                    if (score > best) {
                        best = score;
                        bestA = a;
                        bestB = b;
                        bestDelay = delay;
                    }
                }
            }
            if (bestA < 0) {
                throw new IllegalStateException("no finite merge score (non-finite leaf values?)");
            }
            int node = k + step;
            double height = last + bestDelay;
            double wa = Math.max(v[bestA] + height - h[bestA], MergeTime.MIN_VARIANCE);
            double wb = Math.max(v[bestB] + height - h[bestB], MergeTime.MIN_VARIANCE);
            double fa = wb / (wa + wb);
            double fb = wa / (wa + wb);
            double[] m = new double[d];
            for (int j = 0; j < d; j++) {
                m[j] = fa * mean[bestA][j] + fb * mean[bestB][j];
            }
            mean[node] = m;
            v[node] = wa * wb / (wa + wb);
            h[node] = height;
            t[node] = fa * fa * t[bestA] + fb * fb * t[bestB];
            left[step] = bestA;
            right[step] = bestB;
            heights[step] = height;
            last = height;
            // Drop the two merged lineages, keep the order, append the new node (it has the largest id).
            int w = 0;
            for (int i = 0; i < n; i++) {
                if (active[i] != bestA && active[i] != bestB) {
                    active[w++] = active[i];
                }
            }
            q[node] = new double[nodes];
            for (int i = 0; i < w; i++) {
                int o = active[i];
                q[node][o] = distance(m, mean[o]) + t[node] + t[o];
            }
            active[w] = node;
            n = w + 1;
            q[bestA] = null;
            q[bestB] = null;
        }
        return new CoalescentTree(k, left, right, heights);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double e = a[i] - b[i];
            s += e * e;
        }
        return s;
    }
}
