package org.mtlworkbench.model.clustering;

/**
 * The empirical-Bayes hyper-parameters Λ: shared input-to-hidden weights W, noise variance σ², and per component
 * α the prior mean map M_α (P × G, the mean is M_α g_i), covariance Σ_α (P × P) and gate weights U_α (length F;
 * with the constant gate feature U_α is simply log q_α up to a constant). Mutable; copied per restart.
 */
final class HbParams {

    final Activation activation;
    final int hidden;
    final int inputs;
    /** P = H + 1 (or d + 1 when the activation is NONE). */
    final int p;
    final int k;
    final int g;
    final int f;
    /** W, H × inputs row-major; null when the activation is NONE. */
    double[] w;
    double noiseVar;
    final double noiseFloorVar;
    final double[][] mean;
    final double[][] cov;
    final double[][] gate;

    HbParams(Activation activation, int hidden, int inputs, int k, int g, int f, double noiseFloorVar) {
        this.activation = activation;
        this.hidden = activation == Activation.NONE ? inputs - 1 : hidden;
        this.inputs = inputs;
        this.p = this.hidden + 1;
        this.k = k;
        this.g = g;
        this.f = f;
        this.w = activation == Activation.NONE ? null : new double[hidden * inputs];
        this.noiseFloorVar = noiseFloorVar;
        this.noiseVar = 1.0;
        this.mean = new double[k][p * g];
        this.cov = new double[k][p * p];
        this.gate = new double[k][f];
    }

    HbParams copy() {
        HbParams c = new HbParams(activation, hidden, inputs, k, g, f, noiseFloorVar);
        c.w = w == null ? null : w.clone();
        c.noiseVar = noiseVar;
        for (int a = 0; a < k; a++) {
            c.mean[a] = mean[a].clone();
            c.cov[a] = cov[a].clone();
            c.gate[a] = gate[a].clone();
        }
        return c;
    }

    /** Renames the components: new component a is old component perm[a]. */
    void permute(int[] perm) {
        double[][] m = new double[k][];
        double[][] c = new double[k][];
        double[][] u = new double[k][];
        for (int a = 0; a < k; a++) {
            m[a] = mean[perm[a]];
            c[a] = cov[perm[a]];
            u[a] = gate[perm[a]];
        }
        for (int a = 0; a < k; a++) {
            mean[a] = m[a];
            cov[a] = c[a];
            gate[a] = u[a];
        }
    }

    /** h = [g(W x̃); 1] for one input row x̃ = [x; 1], written into out (length P). */
    void features(double[] xt, double[] out) {
        if (w == null) {
            System.arraycopy(xt, 0, out, 0, p);
            return;
        }
        for (int h = 0; h < hidden; h++) {
            double a = 0;
            int off = h * inputs;
            for (int j = 0; j < inputs; j++) {
                a += w[off + j] * xt[j];
            }
            out[h] = activation == Activation.TANH ? tanh(a) : a;
        }
        out[hidden] = 1.0;
    }

    /** The prior mean M_α g of component a for mean features g, written into out (length P). */
    void priorMean(int a, double[] features, double[] out) {
        double[] m = mean[a];
        for (int r = 0; r < p; r++) {
            double s = 0;
            for (int j = 0; j < g; j++) {
                s += m[r * g + j] * features[j];
            }
            out[r] = s;
        }
    }

    /** log π_α = log softmax(U u)_α for gate features u, written into out (length K). */
    void logGate(double[] features, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < k; a++) {
            double s = 0;
            for (int j = 0; j < f; j++) {
                s += gate[a][j] * features[j];
            }
            out[a] = s;
            max = Math.max(max, s);
        }
        double z = 0;
        for (int a = 0; a < k; a++) {
            z += Math.exp(out[a] - max);
        }
        double lse = max + Math.log(z);
        for (int a = 0; a < k; a++) {
            out[a] -= lse;
        }
    }

    /** tanh through the intrinsic exp (Math.tanh is several times slower and dominates a tanh fit otherwise). */
    static double tanh(double a) {
        double abs = Math.abs(a);
        if (abs < 1e-3) {
            double a2 = a * a;
            return a * (1 - a2 / 3 * (1 - 0.4 * a2));
        }
        if (abs > 20) {
            return Math.signum(a);
        }
        double e = Math.exp(2 * abs);
        return Math.copySign((e - 1) / (e + 1), a);
    }
}
