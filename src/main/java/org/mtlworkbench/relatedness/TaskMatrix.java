package org.mtlworkbench.relatedness;

import java.util.List;

/**
 * A labelled T×T matrix about tasks: mixing weights (rows sum to 1), co-assignment, correlation (may be
 * negative), sharing. Immutable.
 *
 * @param title      what it is, e.g. "mixing weights α (row: task, column: the task it borrows from)"
 * @param tasks      row and column labels
 * @param values     values[i][j]
 * @param symmetric  whether values[i][j] == values[j][i] by construction
 */
public record TaskMatrix(String title, List<String> tasks, double[][] values, boolean symmetric)
        implements RelatednessView {

    public TaskMatrix {
        tasks = List.copyOf(tasks);
        int t = tasks.size();
        if (values.length != t) {
            throw new IllegalArgumentException("matrix has " + values.length + " rows for " + t + " tasks");
        }
        double[][] c = new double[t][];
        for (int i = 0; i < t; i++) {
            if (values[i].length != t) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " columns");
            }
            c[i] = values[i].clone();
        }
        values = c;
    }

    public int size() {
        return tasks.size();
    }

    public double get(int i, int j) {
        return values[i][j];
    }

    @Override
    public double[][] values() {
        double[][] c = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            c[i] = values[i].clone();
        }
        return c;
    }
}
