package org.mtlworkbench.model.clustering;

/** Adjusted Rand index (Hubert &amp; Arabie) between two labellings: 1 for the same partition up to renaming. */
final class Partitions {

    private Partitions() {
    }

    static double adjustedRand(int[] a, int[] b) {
        int n = a.length;
        int ka = max(a) + 1;
        int kb = max(b) + 1;
        long[][] table = new long[ka][kb];
        long[] rows = new long[ka];
        long[] cols = new long[kb];
        for (int i = 0; i < n; i++) {
            table[a[i]][b[i]]++;
            rows[a[i]]++;
            cols[b[i]]++;
        }
        double index = 0;
        for (long[] r : table) {
            for (long v : r) {
                index += pairs(v);
            }
        }
        double sumRows = 0;
        for (long v : rows) {
            sumRows += pairs(v);
        }
        double sumCols = 0;
        for (long v : cols) {
            sumCols += pairs(v);
        }
        double expected = sumRows * sumCols / pairs(n);
        double maxIndex = (sumRows + sumCols) / 2;
        if (maxIndex == expected) {
            return index == expected ? 1.0 : 0.0;
        }
        return (index - expected) / (maxIndex - expected);
    }

    private static double pairs(long v) {
        return v * (v - 1) / 2.0;
    }

    private static int max(int[] v) {
        int m = 0;
        for (int x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
