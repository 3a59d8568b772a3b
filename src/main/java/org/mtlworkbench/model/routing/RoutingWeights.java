package org.mtlworkbench.model.routing;

/**
 * A JVM copy of a routing fit's parameters: the flat weight vector laid out by {@link RoutingLayout} and the
 * allocation logits [T, L, C] row-major (±∞ for fixed allocations).
 */
record RoutingWeights(RoutingLayout layout, float[] weights, float[] logits) {

    RoutingShape shape() {
        return layout.shape();
    }

    double[][][] probabilities() {
        return probabilities(shape(), logits);
    }

    boolean[][][] mode() {
        return mode(shape(), logits);
    }

    /** Allocation probabilities p[t][l][c] = σ(ℓ_tlc). */
    static double[][][] probabilities(RoutingShape s, float[] logits) {
        double[][][] p = new double[s.tasks()][s.layers()][s.components()];
        for (int t = 0; t < s.tasks(); t++) {
            for (int l = 0; l < s.layers(); l++) {
                for (int c = 0; c < s.components(); c++) {
                    p[t][l][c] = 1 / (1 + Math.exp(-logits[(t * s.layers() + l) * s.components() + c]));
                }
            }
        }
        return p;
    }

    /**
     * The allocation's mode, used at inference: component c is on when p &gt; 0.5 (ℓ &gt; 0); a layer with none on
     * uses its most probable component.
     */
    static boolean[][][] mode(RoutingShape s, float[] logits) {
        int cs = s.components();
        boolean[][][] on = new boolean[s.tasks()][s.layers()][cs];
        for (int t = 0; t < s.tasks(); t++) {
            for (int l = 0; l < s.layers(); l++) {
                int base = (t * s.layers() + l) * cs;
                int best = 0;
                boolean any = false;
                for (int c = 0; c < cs; c++) {
                    on[t][l][c] = logits[base + c] > 0;
                    any |= on[t][l][c];
                    if (logits[base + c] > logits[base + best]) {
                        best = c;
                    }
                }
                if (!any) {
                    on[t][l][best] = true;
                }
            }
        }
        return on;
    }
}
