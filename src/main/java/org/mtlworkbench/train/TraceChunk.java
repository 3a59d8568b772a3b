package org.mtlworkbench.train;

import java.util.List;

/**
 * What a poller reads of a running trace: the rows kept since its last read, and how far it has now read.
 *
 * @param rows    rows kept of the reports after the cursor the poller passed, oldest first
 * @param through the number of reports so far: the cursor for the next read
 */
public record TraceChunk(List<TraceRow> rows, long through) {
    public TraceChunk {
        rows = List.copyOf(rows);
    }
}
