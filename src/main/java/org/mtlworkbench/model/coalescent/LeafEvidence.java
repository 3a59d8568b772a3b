package org.mtlworkbench.model.coalescent;

/**
 * What one task's data say about its leaf value x, as a Gaussian function in information form:
 * log p(y | x) ≈ −½ xᵀP x + hᵀx + c. Exact for linear-Gaussian regression (P = XᵀX/σ², h = Xᵀy/σ²); for the logistic
 * likelihood and for the multi-task log-stds it is the second-order expansion at a point (Laplace). This is the
 * leaf's own likelihood message, not its posterior: it carries no pull towards the current tree.
 *
 * @param precision P (d × d, positive semi-definite; may be singular when a task has fewer rows than inputs)
 * @param info      h
 * @param logConst  c
 */
record LeafEvidence(double[][] precision, double[] info, double logConst) {

    /** The linear-Gaussian likelihood of one task with noise variance σ². */
    static LeafEvidence linear(TaskData t, double noiseVar) {
        int d = t.xty.length;
        double[][] p = Dense.copy(t.xtx);
        double[] h = new double[d];
        for (int i = 0; i < d; i++) {
            h[i] = t.xty[i] / noiseVar;
            for (int j = 0; j < d; j++) {
                p[i][j] /= noiseVar;
            }
        }
        return new LeafEvidence(p, h, -0.5 * t.size() * Math.log(2 * Math.PI * noiseVar) - t.yty / (2 * noiseVar));
    }

    /** The logistic log-likelihood expanded to second order at {@code w} (Laplace). */
    static LeafEvidence logistic(TaskData t, double[] w) {
        int d = w.length;
        double[][] p = new double[d][d];
        double[] grad = new double[d];
        for (int i = 0; i < t.size(); i++) {
            double[] xi = t.x[i];
            double pr = LeafPosterior.sigmoid(Dense.dot(xi, w));
            double e = t.y[i] - pr;
            for (int j = 0; j < d; j++) {
                grad[j] += e * xi[j];
            }
            Dense.addOuter(p, xi, Math.max(pr * (1 - pr), 1e-12));
        }
        return expansion(p, grad, LeafPosterior.logisticLogLik(t, w), w);
    }

    /** f(x) ≈ f(x₀) + gᵀ(x − x₀) − ½(x − x₀)ᵀP(x − x₀), rewritten in information form. */
    static LeafEvidence expansion(double[][] p, double[] grad, double value, double[] at) {
        double[] px = Dense.multiply(p, at);
        double[] h = new double[at.length];
        for (int j = 0; j < h.length; j++) {
            h[j] = px[j] + grad[j];
        }
        return new LeafEvidence(p, h, value - Dense.dot(grad, at) - 0.5 * Dense.dot(at, px));
    }
}
