package org.mtlworkbench.model.vmtl;

import org.mtlworkbench.relatedness.TaskMatrix;

/** AUC of a mixing matrix's entries for the linked scenario's partner pairs against all other pairs. */
final class LinkedAuc {

    /** Partners in the linked scenario: t01–t02 and t03–t04 (indices 0–1 and 2–3). */
    static boolean linked(int i, int j) {
        return (i / 2 == j / 2) && i < 4 && j < 4 && i != j;
    }

    /** The AUC over the entries of several matrices (seeds) together. */
    static double pooledAuc(java.util.List<TaskMatrix> ms) {
        java.util.List<Double> pos = new java.util.ArrayList<>();
        java.util.List<Double> neg = new java.util.ArrayList<>();
        for (TaskMatrix m : ms) {
            for (int i = 0; i < m.size(); i++) {
                for (int j = 0; j < m.size(); j++) {
                    if (i != j) {
                        (linked(i, j) ? pos : neg).add(m.get(i, j));
                    }
                }
            }
        }
        double wins = 0;
        for (double a : pos) {
            for (double b : neg) {
                wins += a > b ? 1 : a == b ? 0.5 : 0;
            }
        }
        return wins / (pos.size() * (double) neg.size());
    }

    /** P(a linked entry is larger than an unlinked one), ties count half; the diagonal is left out. */
    static double auc(TaskMatrix m) {
        double wins = 0;
        int pairs = 0;
        int t = m.size();
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                if (i == j || !linked(i, j)) {
                    continue;
                }
                for (int k = 0; k < t; k++) {
                    for (int l = 0; l < t; l++) {
                        if (k == l || linked(k, l)) {
                            continue;
                        }
                        pairs++;
                        double a = m.get(i, j);
                        double b = m.get(k, l);
                        wins += a > b ? 1 : a == b ? 0.5 : 0;
                    }
                }
            }
        }
        return wins / pairs;
    }

    private LinkedAuc() {
    }
}
