package org.mtlworkbench.model.clustering;

/**
 * Limited-memory BFGS minimisation with a backtracking (Armijo) line search, for the inner gradient steps of the
 * generalised EM (W and σ; the gate U). It only ever moves to a point with a lower value, so each call can only
 * improve the objective; its curvature memory is kept between calls (the objective changes little between EM
 * steps) and dropped when it stops giving a descent direction.
 */
final class Lbfgs {

    /** f(x) and its gradient; a non-finite value means "not allowed here". */
    interface Function {
        double valueAndGradient(double[] x, double[] gradient);

        /** Called when the last evaluated point was accepted as the new iterate. */
        default void accepted() {
        }
    }

    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 12;
    /** A first-order gain below this (relative to |f|) is treated as none. */
    private static final double NEGLIGIBLE = 1e-12;

    private final int dim;
    private final int memory;
    private final double[][] sHist;
    private final double[][] yHist;
    private final double[] rho;
    private int count;
    private int head;

    Lbfgs(int dim, int memory) {
        this.dim = dim;
        this.memory = memory;
        this.sHist = new double[memory][dim];
        this.yHist = new double[memory][dim];
        this.rho = new double[memory];
    }

    void reset() {
        count = 0;
        head = 0;
    }

    /**
     * Up to {@code iterations} steps from x (changed in place). {@code value}/{@code gradient} must hold f and ∇f
     * at x on entry.
     *
     * @return f at the final x
     */
    double minimise(Function f, double[] x, double value, double[] gradient, int iterations) {
        double[] g = gradient.clone();
        double fx = value;
        double[] d = new double[dim];
        double[] xNew = new double[dim];
        double[] gNew = new double[dim];
        for (int it = 0; it < iterations; it++) {
            double gNorm = Math.sqrt(dot(g, g));
            if (gNorm == 0 || !Double.isFinite(gNorm)) {
                break;
            }
            direction(g, d);
            double slope = dot(g, d);
            if (!(slope < 0)) {
                reset();
                direction(g, d);
                slope = dot(g, d);
            }
            if (-slope < NEGLIGIBLE * (1 + Math.abs(fx))) {
                break; // converged: no line search could show a gain above rounding
            }
            double t = count == 0 ? Math.min(1.0, 1.0 / gNorm) : 1.0;
            boolean moved = false;
            for (int halving = 0; halving < MAX_HALVINGS; halving++) {
                for (int j = 0; j < dim; j++) {
                    xNew[j] = x[j] + t * d[j];
                }
                double fNew = f.valueAndGradient(xNew, gNew);
                if (Double.isFinite(fNew) && fNew <= fx + ARMIJO * t * slope) {
                    f.accepted();
                    remember(xNew, x, gNew, g);
                    System.arraycopy(xNew, 0, x, 0, dim);
                    System.arraycopy(gNew, 0, g, 0, dim);
                    fx = fNew;
                    moved = true;
                    break;
                }
                t *= 0.5;
            }
            if (!moved) {
                reset();
                break;
            }
        }
        return fx;
    }

    private void remember(double[] xNew, double[] x, double[] gNew, double[] g) {
        double[] sv = sHist[head];
        double[] yv = yHist[head];
        double sy = 0;
        for (int j = 0; j < dim; j++) {
            sv[j] = xNew[j] - x[j];
            yv[j] = gNew[j] - g[j];
            sy += sv[j] * yv[j];
        }
        if (sy > 1e-12 * Math.sqrt(dot(sv, sv) * dot(yv, yv))) {
            rho[head] = 1.0 / sy;
            head = (head + 1) % memory;
            count = Math.min(count + 1, memory);
        }
    }

    /** d = −H g by the two-loop recursion. */
    private void direction(double[] g, double[] d) {
        for (int j = 0; j < dim; j++) {
            d[j] = -g[j];
        }
        if (count == 0) {
            return;
        }
        double[] alpha = new double[count];
        for (int c = 0; c < count; c++) {
            int idx = Math.floorMod(head - 1 - c, memory);
            alpha[c] = rho[idx] * dot(sHist[idx], d);
            axpy(-alpha[c], yHist[idx], d);
        }
        int last = Math.floorMod(head - 1, memory);
        double gamma = dot(sHist[last], yHist[last]) / dot(yHist[last], yHist[last]);
        for (int j = 0; j < dim; j++) {
            d[j] *= gamma;
        }
        for (int c = count - 1; c >= 0; c--) {
            int idx = Math.floorMod(head - 1 - c, memory);
            double beta = rho[idx] * dot(yHist[idx], d);
            axpy(alpha[c] - beta, sHist[idx], d);
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }
}
