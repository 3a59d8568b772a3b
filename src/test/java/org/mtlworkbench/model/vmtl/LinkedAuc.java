package org.mtlworkbench.model.vmtl;

import org.mtlworkbench.relatedness.TaskMatrix;

/** AUC of a mixing matrix's entries for the linked scenario's partner pairs against all other pairs. */
final class LinkedAuc {

    /** Partners in the linked scenario: t01–t02 and t03–t04 (indices 0–1 and 2–3). */
    static boolean linked(int i, int j) {
        return (i / 2 == j / 2) && i < 4 && j < 4 && i != j;
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
