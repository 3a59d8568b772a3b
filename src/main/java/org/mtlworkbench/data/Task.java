package org.mtlworkbench.data;

import java.util.Arrays;

/**
 * One task's rows. Immutable: arrays are copied in and out.
 *
 * @param name     task name as it appears in the data (the {@code task} column or the file name)
 * @param x        rows × features
 * @param y        targets; for classification the 0-based index into the data set's label list
 * @param rowIds   0-based data-row index of each row in the source file (header excluded), used by split files
 */
public record Task(String name, double[][] x, double[] y, int[] rowIds) {

    public Task {
        if (x.length != y.length || x.length != rowIds.length) {
            throw new IllegalArgumentException("task " + name + ": x, y and rowIds differ in length");
        }
        x = deepCopy(x);
        y = y.clone();
        rowIds = rowIds.clone();
    }

    /** A task whose rows are numbered 0..n-1. */
    public static Task of(String name, double[][] x, double[] y) {
        int[] ids = new int[y.length];
        Arrays.setAll(ids, i -> i);
        return new Task(name, x, y, ids);
    }

    public int size() {
        return y.length;
    }

    public int featureCount() {
        return x.length == 0 ? 0 : x[0].length;
    }

    @Override
    public double[][] x() {
        return deepCopy(x);
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public int[] rowIds() {
        return rowIds.clone();
    }

    /** Read-only view of one value, without copying. */
    public double x(int row, int col) {
        return x[row][col];
    }

    public double y(int row) {
        return y[row];
    }

    public int rowId(int row) {
        return rowIds[row];
    }

    /** The rows at the given positions, in that order. */
    public Task select(int[] rows) {
        double[][] sx = new double[rows.length][];
        double[] sy = new double[rows.length];
        int[] sid = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            sx[i] = x[rows[i]];
            sy[i] = y[rows[i]];
            sid[i] = rowIds[rows[i]];
        }
        return new Task(name, sx, sy, sid);
    }

    static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
