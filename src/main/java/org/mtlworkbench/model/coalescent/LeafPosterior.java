package org.mtlworkbench.model.coalescent;

/**
 * The Gaussian posterior q(w) = N(mean, cov) of one task's weights under a Gaussian prior N(m₀, P₀⁻¹): exact for
 * the linear-Gaussian likelihood, Laplace (Newton to the mode, curvature there) for the logistic one.
 *
 * @param mean          posterior mean (the mode for logistic)
 * @param cov           posterior covariance
 * @param expectedLogLik E_q log p(y | w) (linear), or log p(y | mode) (logistic, Laplace)
 */
record LeafPosterior(double[] mean, double[][] cov, double expectedLogLik) {

    /** ½ log |2πe·cov|. */
    double entropy() {
        return 0.5 * (mean.length * Math.log(2 * Math.PI * Math.E) + Dense.logDet(Dense.cholesky(cov)));
    }

    static LeafPosterior linear(TaskData t, double[] priorMean, double[][] priorPrecision, double noiseVar) {
        int d = priorMean.length;
        double[][] p = Dense.copy(priorPrecision);
        Dense.addScaled(p, t.xtx, 1 / noiseVar);
        double[] rhs = Dense.multiply(priorPrecision, priorMean);
        for (int j = 0; j < d; j++) {
            rhs[j] += t.xty[j] / noiseVar;
        }
        double[][] chol = Dense.cholesky(p);
        double[] mean = Dense.solve(chol, rhs);
        double[][] cov = Dense.inverse(chol);
        return new LeafPosterior(mean, cov, expectedLinearLogLik(t, mean, cov, noiseVar));
    }

    /** −n/2·log(2πσ²) − (‖y − Xm‖² + tr(XᵀX·V)) / (2σ²). */
    static double expectedLinearLogLik(TaskData t, double[] mean, double[][] cov, double noiseVar) {
        return -0.5 * t.size() * Math.log(2 * Math.PI * noiseVar) - expectedResidual(t, mean, cov) / (2 * noiseVar);
    }

    /** E‖y − Xw‖² = yᵀy − 2mᵀXᵀy + mᵀXᵀXm + tr(XᵀX V). */
    static double expectedResidual(TaskData t, double[] mean, double[][] cov) {
        double r = t.yty - 2 * Dense.dot(mean, t.xty) + Dense.quadratic(t.xtx, mean)
                + Dense.traceProduct(t.xtx, cov);
        return Math.max(r, 0);
    }

    /** Newton's method on the log posterior from {@code start}, with step halving so it never goes down. */
    static LeafPosterior logistic(TaskData t, double[] priorMean, double[][] priorPrecision, double[] start) {
        int d = priorMean.length;
        double[] w = start.clone();
        double current = logPosterior(t, w, priorMean, priorPrecision);
        double[][] chol = null;
        for (int iter = 0; iter < 50; iter++) {
            double[] grad = Dense.multiply(priorPrecision, difference(priorMean, w));
            double[][] h = Dense.copy(priorPrecision);
            for (int i = 0; i < t.size(); i++) {
                double[] xi = t.x[i];
                double p = sigmoid(Dense.dot(xi, w));
                double e = t.y[i] - p;
                for (int j = 0; j < d; j++) {
                    grad[j] += e * xi[j];
                }
                Dense.addOuter(h, xi, Math.max(p * (1 - p), 1e-12));
            }
            chol = Dense.cholesky(h);
            double[] step = Dense.solve(chol, grad);
            double scale = 1;
            double[] next = null;
            double value = Double.NEGATIVE_INFINITY;
            for (int halving = 0; halving < 30; halving++) {
                next = w.clone();
                for (int j = 0; j < d; j++) {
                    next[j] += scale * step[j];
                }
                value = logPosterior(t, next, priorMean, priorPrecision);
                if (value >= current) {
                    break;
                }
                scale /= 2;
            }
            if (!(value >= current)) {
                break;
            }
            double gain = value - current;
            w = next;
            current = value;
            if (gain < 1e-10 * (1 + Math.abs(current))) {
                break;
            }
        }
        double[][] h = Dense.copy(priorPrecision);
        for (int i = 0; i < t.size(); i++) {
            double p = sigmoid(Dense.dot(t.x[i], w));
            Dense.addOuter(h, t.x[i], Math.max(p * (1 - p), 1e-12));
        }
        double[][] cov = Dense.inverse(Dense.cholesky(h));
        return new LeafPosterior(w, cov, logisticLogLik(t, w));
    }

    private static double logPosterior(TaskData t, double[] w, double[] priorMean, double[][] priorPrecision) {
        double[] e = difference(w, priorMean);
        return logisticLogLik(t, w) - 0.5 * Dense.quadratic(priorPrecision, e);
    }

    static double logisticLogLik(TaskData t, double[] w) {
        double s = 0;
        for (int i = 0; i < t.size(); i++) {
            double a = Dense.dot(t.x[i], w);
            // log σ(a) for y = 1, log σ(−a) for y = 0, written stably.
            double signed = t.y[i] > 0.5 ? a : -a;
            s -= signed > 0 ? Math.log1p(Math.exp(-signed)) : -signed + Math.log1p(Math.exp(signed));
        }
        return s;
    }

    static double sigmoid(double a) {
        return a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
    }

    private static double[] difference(double[] a, double[] b) {
        double[] e = new double[a.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = a[i] - b[i];
        }
        return e;
    }
}
