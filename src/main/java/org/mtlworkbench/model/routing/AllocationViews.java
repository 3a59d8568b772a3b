package org.mtlworkbench.model.routing;

import java.util.ArrayList;
import java.util.List;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.RelatednessView;
import org.mtlworkbench.relatedness.TaskMatrix;

/**
 * What the allocation says about the tasks: the per-layer allocation probabilities, the task–task sharing
 * S_ts = Σ_l Σ_c p_tlc p_slc normalised to a cosine (1 on the diagonal; 1 for tasks with proportional
 * allocations, 0 for tasks that never use a common component), and the mean entropy of the gates.
 */
final class AllocationViews {

    static final String SHARING_TITLE = "sharing S (cosine of Σ_l Σ_c p_tlc·p_slc; 1 = same components)";

    private AllocationViews() {
    }

    static String layerTitle(int layer, int layers) {
        return "allocation p(on), layer " + (layer + 1) + " of " + layers + " (task × component)";
    }

    static List<RelatednessView> views(double[][][] p, List<String> tasks) {
        int layers = p.length == 0 ? 0 : p[0].length;
        List<RelatednessView> views = new ArrayList<>();
        views.add(new TaskMatrix(SHARING_TITLE, tasks, sharing(p), true));
        for (int l = 0; l < layers; l++) {
            int c = p[0][l].length;
            List<String> names = new ArrayList<>();
            for (int k = 0; k < c; k++) {
                names.add("c" + (k + 1));
            }
            double[][] m = new double[p.length][];
            for (int t = 0; t < p.length; t++) {
                m[t] = p[t][l].clone();
            }
            views.add(new AllocationMatrix(layerTitle(l, layers), tasks, names, m));
        }
        return views;
    }

    /** S over all layers, cosine-normalised. */
    static double[][] sharing(double[][][] p) {
        return sharing(p, 0, p.length == 0 ? 0 : p[0].length);
    }

    /** S over layers {@code from} (inclusive) to {@code to} (exclusive), cosine-normalised. */
    static double[][] sharing(double[][][] p, int from, int to) {
        int t = p.length;
        double[][] raw = new double[t][t];
        for (int a = 0; a < t; a++) {
            for (int b = 0; b < t; b++) {
                double s = 0;
                for (int l = from; l < to; l++) {
                    for (int c = 0; c < p[a][l].length; c++) {
                        s += p[a][l][c] * p[b][l][c];
                    }
                }
                raw[a][b] = s;
            }
        }
        double[][] out = new double[t][t];
        for (int a = 0; a < t; a++) {
            for (int b = 0; b < t; b++) {
                double norm = Math.sqrt(raw[a][a] * raw[b][b]);
                out[a][b] = norm > 0 ? raw[a][b] / norm : 0;
            }
        }
        return out;
    }

    /** Mean binary entropy of the gates, in bits (1 = undecided, 0 = every gate certain). */
    static double entropyBits(double[][][] p) {
        double sum = 0;
        int n = 0;
        for (double[][] task : p) {
            for (double[] layer : task) {
                for (double q : layer) {
                    sum += h(q) + h(1 - q);
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static double h(double q) {
        return q <= 0 ? 0 : -q * Math.log(q) / Math.log(2);
    }

    /** Mean number of components a task uses per layer under the mode. */
    static double meanActive(boolean[][][] mode) {
        double sum = 0;
        int n = 0;
        for (boolean[][] task : mode) {
            for (boolean[] layer : task) {
                for (boolean on : layer) {
                    sum += on ? 1 : 0;
                }
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }
}
