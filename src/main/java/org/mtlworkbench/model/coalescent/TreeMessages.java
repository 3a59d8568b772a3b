package org.mtlworkbench.model.coalescent;

/**
 * Gaussian belief propagation on a fixed tree for leaf values W (K × d) under Brownian diffusion with covariance Λ
 * and a root prior N(0, v₀·Λ). Every message is N(mean, v·Λ) with a scalar v, so one pass costs O(K·d).
 *
 * <ul>
 *   <li>Upward: each internal node gets the product of its children's messages ({@link Message#merge}) and a
 *       contrast Δ = μ_l − μ_r with variance s·Λ. The contrasts and the root term are K independent Gaussians, so
 *       log p(W | tree, Λ) = Σ log N(Δ; 0, sΛ) + log N(μ_root; 0, (v_root + v₀)Λ) (Felsenstein's independent
 *       contrasts).</li>
 *   <li>Downward: each node gets the message from everything outside its subtree; at a leaf that is the cavity
 *       prior p(w_k | w_−k, tree) = N(μ_−k, τ_k Λ), branch length included.</li>
 * </ul>
 */
public final class TreeMessages {

    private final CoalescentTree tree;
    private final int d;
    private final double rootVariance;
    private final double[][] upMean;
    private final double[] upVar;
    private final double[][] outMean;
    private final double[] outVar;
    /** Per leaf: Σ over the contrasts and root term it enters of (its coefficient)² / (that term's variance). */
    private final double[] leafWeight;

    public TreeMessages(CoalescentTree tree, double[][] leaves, double rootVariance) {
        if (leaves.length != tree.leafCount()) {
            throw new IllegalArgumentException(leaves.length + " leaf values for " + tree.leafCount() + " leaves");
        }
        if (!(rootVariance > 0) || Double.isInfinite(rootVariance)) {
            throw new IllegalArgumentException("root variance must be positive and finite");
        }
        this.tree = tree;
        this.d = leaves[0].length;
        this.rootVariance = rootVariance;
        int nodes = tree.nodeCount();
        upMean = new double[nodes][];
        upVar = new double[nodes];
        outMean = new double[nodes][];
        outVar = new double[nodes];
        leafWeight = new double[tree.leafCount()];
        upward(leaves);
        downward();
        contrastWeights();
    }

    private void upward(double[][] leaves) {
        for (int n = 0; n < tree.nodeCount(); n++) {
            if (tree.isLeaf(n)) {
                upMean[n] = leaves[n].clone();
                upVar[n] = 0;
            } else {
                int l = tree.left(n);
                int r = tree.right(n);
                double a = branchVariance(l);
                double b = branchVariance(r);
                upVar[n] = a * b / (a + b);
                double fl = b / (a + b);
                double fr = a / (a + b);
                double[] m = new double[d];
                for (int j = 0; j < d; j++) {
                    m[j] = fl * upMean[l][j] + fr * upMean[r][j];
                }
                upMean[n] = m;
            }
        }
    }

    /** v_n + (h_parent − h_n): the upward message of n moved to its parent. */
    private double branchVariance(int n) {
        return Math.max(upVar[n] + tree.height(tree.parent(n)) - tree.height(n), MergeTime.MIN_VARIANCE);
    }

    private void downward() {
        int root = tree.root();
        outMean[root] = new double[d];
        outVar[root] = rootVariance;
        for (int p = root; p >= tree.leafCount(); p--) {
            for (int n : new int[] {tree.left(p), tree.right(p)}) {
                int o = tree.sibling(n);
                double a = branchVariance(o);
                double b = outVar[p];
                double v = a * b / (a + b);
                double[] m = new double[d];
                for (int j = 0; j < d; j++) {
                    m[j] = (b * upMean[o][j] + a * outMean[p][j]) / (a + b);
                }
                outMean[n] = m;
                outVar[n] = v + tree.height(p) - tree.height(n);
            }
        }
    }

    private void contrastWeights() {
        for (int k = 0; k < tree.leafCount(); k++) {
            double alpha = 1;
            double sum = 0;
            int n = k;
            while (tree.parent(n) != -1) {
                int o = tree.sibling(n);
                double a = branchVariance(n);
                double b = branchVariance(o);
                sum += alpha * alpha / (a + b);
                alpha *= b / (a + b);
                n = tree.parent(n);
            }
            sum += alpha * alpha / (upVar[n] + rootVariance);
            leafWeight[k] = sum;
        }
    }

    public CoalescentTree tree() {
        return tree;
    }

    /** Mean of the cavity prior of leaf k: E[w_k | w_−k]. */
    public double[] cavityMean(int k) {
        return outMean[k].clone();
    }

    /** τ_k: the cavity prior of leaf k is N(cavityMean, τ_k·Λ). */
    public double cavityVariance(int k) {
        return outVar[k];
    }

    /** The upward message of a node (for a leaf: its value with variance 0). */
    public Message up(int node) {
        return new Message(upMean[node].clone(), upVar[node], tree.height(node));
    }

    /** log p(W | tree, Λ) with the root prior, by independent contrasts. */
    public double logDensity(Diffusion lambda) {
        double s = 0;
        for (int n = tree.leafCount(); n < tree.nodeCount(); n++) {
            int l = tree.left(n);
            int r = tree.right(n);
            s += lambda.logDensity(difference(upMean[l], upMean[r]), branchVariance(l) + branchVariance(r));
        }
        int root = tree.root();
        return s + lambda.logDensity(upMean[root], upVar[root] + rootVariance);
    }

    /**
     * E log p(W | tree, Λ) when leaf k is uncertain with covariance V_k (independent across leaves) and
     * {@code traces[k]} = tr(Λ⁻¹V_k): the point value minus ½ Σ_k weight_k·traces[k].
     */
    public double expectedLogDensity(Diffusion lambda, double[] traces) {
        double s = logDensity(lambda);
        for (int k = 0; k < traces.length; k++) {
            s -= 0.5 * leafWeight[k] * traces[k];
        }
        return s;
    }

    /**
     * The summed expected outer products of the K independent N(0, Λ) terms (normalised contrasts and root term),
     * the sufficient statistic of Λ: Σ ΔΔᵀ/s + μμᵀ/(v + v₀) + Σ_k weight_k V_k. {@code covariances} may be null
     * for exact leaves.
     */
    public double[][] scatter(double[][][] covariances) {
        double[][] sum = new double[d][d];
        for (int n = tree.leafCount(); n < tree.nodeCount(); n++) {
            int l = tree.left(n);
            int r = tree.right(n);
            Dense.addOuter(sum, difference(upMean[l], upMean[r]), 1 / (branchVariance(l) + branchVariance(r)));
        }
        int root = tree.root();
        Dense.addOuter(sum, upMean[root], 1 / (upVar[root] + rootVariance));
        if (covariances != null) {
            for (int k = 0; k < covariances.length; k++) {
                Dense.addScaled(sum, covariances[k], leafWeight[k]);
            }
        }
        return sum;
    }

    /** Number of independent N(0, Λ) terms in {@link #scatter}: K. */
    public int termCount() {
        return tree.leafCount();
    }

    private static double[] difference(double[] a, double[] b) {
        double[] e = new double[a.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = a[i] - b[i];
        }
        return e;
    }
}
