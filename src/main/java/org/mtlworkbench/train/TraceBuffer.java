package org.mtlworkbench.train;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The trace rows a run keeps, in bounded memory (decision 0044). While fewer than {@code limit} rows have been
 * reported every row is kept; when the limit is passed the buffer keeps only every second of its rows (by report
 * number) and from then on only every {@code stride}-th report, the stride doubling at each such pass. The first
 * report and the newest one are always kept (the newest gets the final metrics at the end of a run), so the trace
 * stays evenly spaced, starts at the first step and ends at the last, and never holds more than {@code limit + 1}
 * rows. A run at full speed reports tens of thousands of steps a second; keeping them all grew the heap without
 * bound and made every garbage collection copy them.
 *
 * <p>Not thread-safe: {@link TrainingRun} guards it with its lock.
 */
final class TraceBuffer {

    private final int limit;
    private TraceRow[] rows = new TraceRow[64];
    private long[] reportNumbers = new long[64];
    private int size;
    private long reports;
    private long stride = 1;
    /** The newest row is kept only because it is the newest: the next report replaces it. */
    private boolean tailOnly;

    TraceBuffer(int limit) {
        if (limit < 2) {
            throw new IllegalArgumentException("trace limit " + limit + " < 2");
        }
        this.limit = limit;
    }

    /** Records the next report's row. */
    void add(TraceRow row) {
        reports++;
        if (tailOnly) {
            size--;
        }
        if (size == rows.length) {
            rows = Arrays.copyOf(rows, size * 2);
            reportNumbers = Arrays.copyOf(reportNumbers, size * 2);
        }
        rows[size] = row;
        reportNumbers[size++] = reports;
        tailOnly = !regular(reports);
        if (size > limit) {
            thin();
        }
    }

    private boolean regular(long report) {
        return report == 1 || report % stride == 0;
    }

    private void thin() {
        stride *= 2;
        int k = 0;
        for (int i = 0; i < size; i++) {
            if (regular(reportNumbers[i]) || i == size - 1) {
                rows[k] = rows[i];
                reportNumbers[k++] = reportNumbers[i];
            }
        }
        Arrays.fill(rows, k, size, null);
        size = k;
        tailOnly = !regular(reportNumbers[size - 1]);
    }

    /** Replaces the newest row (the end of a run adds its final metrics to it); nothing when empty. */
    void replaceNewest(UnaryOperator<TraceRow> change) {
        if (size > 0) {
            rows[size - 1] = change.apply(rows[size - 1]);
        }
    }

    /** A copy of the rows kept, oldest first. */
    List<TraceRow> rows() {
        return List.of(Arrays.copyOf(rows, size));
    }

    /** The rows kept of the reports after the first {@code through}, and the number of reports so far. */
    TraceChunk since(long through) {
        if (through < 0) {
            throw new IllegalArgumentException("through " + through + " < 0");
        }
        int from = Arrays.binarySearch(reportNumbers, 0, size, through + 1);
        if (from < 0) {
            from = -from - 1;
        }
        return new TraceChunk(List.of(Arrays.copyOfRange(rows, from, size)), reports);
    }

    /** Reports recorded, kept or not. */
    long reports() {
        return reports;
    }

    /** Every how many reports a row is kept now (1 until the limit is first passed). */
    long stride() {
        return stride;
    }
}
