package org.mtlworkbench.model.coalescent;

/**
 * Exact Gaussian inference on a fixed tree with full-covariance messages: leaf values x_k (K × d) diffuse down the
 * tree (x_child | x_parent ~ N(x_parent, b·Λ), root ~ N(0, v₀Λ)) and each leaf has a Gaussian likelihood
 * {@link LeafEvidence}. Gives the log marginal likelihood log ∫ Π_k L_k(x_k) p(X | tree, Λ) dX, every node's
 * posterior marginal, and the expected sufficient statistic of Λ with the internal nodes as latent variables.
 *
 * <p>Everything runs in coordinates whitened by Λ = C Cᵀ (x = C u), where every branch adds b·I. Upward, a node's
 * message exp(−½uᵀJu + gᵀu) moved up a branch of length b becomes J' = (I + bJ)⁻¹J, g' = (I + bJ)⁻¹g with log
 * normaliser −½ log|I + bJ| + ½ b gᵀ(I + bJ)⁻¹g; this form stays finite for b = 0 and for singular J (a task with
 * fewer rows than inputs). Downward (a smoother): with M = (I + bJ_c)⁻¹, given the parent the child is
 * N(u_p + bM(g_c − J_c u_p), bM), so m_c = m_p + bM(g_c − J_c m_p) and Σ_c = bM + MΣ_pM. Cost O(K·d³).
 */
final class TreePosterior {

    private final CoalescentTree tree;
    private final Diffusion lambda;
    private final int d;
    private final double[][] postMean;
    private final double[][][] postCov;
    private final double[][] scatterU;
    private final int terms;
    private final double logMarginal;

    TreePosterior(CoalescentTree tree, Diffusion lambda, double rootVariance, LeafEvidence[] leaves) {
        this.tree = tree;
        this.lambda = lambda;
        this.d = lambda.dimension();
        int nodes = tree.nodeCount();
        double[][] c = lambda.factor();
        double[][] ct = Dense.transpose(c);
        double[][][] j = new double[nodes][][];
        double[][] g = new double[nodes][];
        double[][][] m = new double[nodes][][];
        double logZ = 0;
        for (int n = tree.leafCount(); n < nodes; n++) {
            j[n] = new double[d][d];
            g[n] = new double[d];
        }
        for (int n = 0; n < nodes; n++) {
            if (tree.isLeaf(n)) {
                LeafEvidence e = leaves[n];
                j[n] = Dense.symmetrize(Dense.multiply(ct, Dense.multiply(e.precision(), c)));
                g[n] = Dense.multiply(ct, e.info());
                logZ += e.logConst();
            }
            if (n == tree.root()) {
                break;
            }
            double b = Math.max(tree.height(tree.parent(n)) - tree.height(n), 0);
            double[][] a = Dense.identity(d, 1);
            Dense.addScaled(a, j[n], b);
            double[][] chol = Dense.cholesky(a);
            m[n] = Dense.inverse(chol);
            double[][] jUp = Dense.symmetrize(Dense.multiply(m[n], j[n]));
            double[] gUp = Dense.multiply(m[n], g[n]);
            logZ += -0.5 * Dense.logDet(chol) + 0.5 * b * Dense.dot(g[n], gUp);
            int p = tree.parent(n);
            Dense.addScaled(j[p], jUp, 1);
            for (int i = 0; i < d; i++) {
                g[p][i] += gUp[i];
            }
        }
        int root = tree.root();
        double v0 = rootVariance;
        double[][] a = Dense.identity(d, 1);
        Dense.addScaled(a, j[root], v0);
        double[][] chol = Dense.cholesky(a);
        double[][] rootCov = Dense.inverse(chol);
        Dense.addScaled(rootCov, rootCov, v0 - 1);
        double[] rootMean = Dense.multiply(rootCov, g[root]);
        logZ += -0.5 * Dense.logDet(chol) + 0.5 * Dense.dot(g[root], rootMean);
        logMarginal = logZ;

        double[][] mean = new double[nodes][];
        double[][][] cov = new double[nodes][][];
        mean[root] = rootMean;
        cov[root] = rootCov;
        double[][] s = Dense.copy(rootCov);
        Dense.addOuter(s, rootMean, 1);
        for (double[] row : s) {
            for (int i = 0; i < d; i++) {
                row[i] /= v0;
            }
        }
        int count = 1;
        for (int n = root - 1; n >= 0; n--) {
            int p = tree.parent(n);
            double b = Math.max(tree.height(p) - tree.height(n), 0);
            double[] r = Dense.multiply(j[n], mean[p]);
            for (int i = 0; i < d; i++) {
                r[i] = g[n][i] - r[i];
            }
            double[] mr = Dense.multiply(m[n], r);
            mean[n] = mean[p].clone();
            for (int i = 0; i < d; i++) {
                mean[n][i] += b * mr[i];
            }
            double[][] cn = Dense.multiply(m[n], Dense.multiply(cov[p], m[n]));
            Dense.addScaled(cn, m[n], b);
            cov[n] = Dense.symmetrize(cn);
            if (b > 0) {
                // E[δδᵀ]/b for the increment δ = u_n − u_p: M + b[(Mr)(Mr)ᵀ + (MJ)Σ_p(JM)].
                double[][] mj = Dense.multiply(m[n], j[n]);
                double[][] t = Dense.multiply(mj, Dense.multiply(cov[p], Dense.transpose(mj)));
                Dense.addOuter(t, mr, 1);
                Dense.addScaled(s, t, b);
                Dense.addScaled(s, m[n], 1);
                count++;
            }
        }
        terms = count;
        scatterU = Dense.symmetrize(s);
        postMean = new double[tree.leafCount()][];
        postCov = new double[tree.leafCount()][][];
        for (int k = 0; k < tree.leafCount(); k++) {
            postMean[k] = Dense.multiply(c, mean[k]);
            postCov[k] = Dense.symmetrize(Dense.multiply(c, Dense.multiply(cov[k], ct)));
        }
    }

    CoalescentTree tree() {
        return tree;
    }

    /** log ∫ Π_k L_k(x_k) p(X | tree, Λ) dX. */
    double logMarginal() {
        return logMarginal;
    }

    /** Posterior mean of leaf k. */
    double[] mean(int k) {
        return postMean[k].clone();
    }

    /** Posterior covariance of leaf k. */
    double[][] cov(int k) {
        return Dense.copy(postCov[k]);
    }

    /**
     * Σ over the branches of positive length of E[δδᵀ]/b, plus E[x_root x_rootᵀ]/v₀, in the original coordinates:
     * the sufficient statistic of Λ given {@link #termCount()} independent N(0, Λ) terms. Zero-length branches are
     * left out (their child equals the parent and carries no information about Λ).
     */
    double[][] scatter() {
        double[][] c = lambda.factor();
        return Dense.symmetrize(Dense.multiply(c, Dense.multiply(scatterU, Dense.transpose(c))));
    }

    int termCount() {
        return terms;
    }

    /** The leaf's evidence, regularised by the root prior N(0, v₀Λ), as a whitened point and a scalar variance. */
    static double[][] whitenedEvidence(Diffusion lambda, LeafEvidence[] leaves, double rootVariance,
                                       double[] varianceOut) {
        double[][] c = lambda.factor();
        double[][] ct = Dense.transpose(c);
        int d = lambda.dimension();
        double[][] out = new double[leaves.length][];
        for (int k = 0; k < leaves.length; k++) {
            double[][] j = Dense.multiply(ct, Dense.multiply(leaves[k].precision(), c));
            for (int i = 0; i < d; i++) {
                j[i][i] += 1 / rootVariance;
            }
            double[][] chol = Dense.cholesky(Dense.symmetrize(j));
            out[k] = Dense.solve(chol, Dense.multiply(ct, leaves[k].info()));
            double tr = 0;
            double[][] inv = Dense.inverse(chol);
            for (int i = 0; i < d; i++) {
                tr += inv[i][i];
            }
            varianceOut[k] = tr / d;
        }
        return out;
    }
}
