package org.mtlworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceBufferTest {

    private static TraceRow row(int step) {
        return new TraceRow(step, step, Map.of("loss", (double) step), Map.of(), Map.of(), Map.of());
    }

    private static List<Integer> steps(List<TraceRow> rows) {
        return rows.stream().map(TraceRow::step).toList();
    }

    @Test
    void keepsEveryRowUpToTheLimit() {
        TraceBuffer b = new TraceBuffer(10);
        for (int s = 1; s <= 10; s++) {
            b.add(row(s));
        }
        assertThat(steps(b.rows())).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(b.stride()).isEqualTo(1);
    }

    @Test
    void thinsToEveryStrideThReportKeepingTheFirstAndTheNewest() {
        TraceBuffer b = new TraceBuffer(10);
        for (int s = 1; s <= 11; s++) {
            b.add(row(s));
        }
        // the 11th row passed the limit: every 2nd report, the first, and the newest (11) until the next report
        assertThat(steps(b.rows())).containsExactly(1, 2, 4, 6, 8, 10, 11);
        b.add(row(12));
        assertThat(steps(b.rows())).containsExactly(1, 2, 4, 6, 8, 10, 12);
        b.add(row(13));
        assertThat(steps(b.rows())).containsExactly(1, 2, 4, 6, 8, 10, 12, 13);
        for (int s = 14; s <= 1000; s++) {
            b.add(row(s));
            assertThat(b.rows()).hasSizeLessThanOrEqualTo(11);
        }
        // brute force: the first, every multiple of the final stride, and the newest
        long stride = b.stride();
        List<Integer> expected = new ArrayList<>(List.of(1));
        for (int s = 2; s <= 1000; s++) {
            if (s % stride == 0 || s == 1000) {
                expected.add(s);
            }
        }
        assertThat(stride).isEqualTo(128); // 1000 / 128 = 7 rows + the first (+ the newest) fit in 10; 1000 / 64 do not
        assertThat(steps(b.rows())).isEqualTo(expected);
        assertThat(b.reports()).isEqualTo(1000);
    }

    @Test
    void sinceReturnsTheRowsKeptAfterTheCursorAndTheNewCursor() {
        TraceBuffer b = new TraceBuffer(4);
        assertThat(b.since(0)).isEqualTo(new TraceChunk(List.of(), 0));
        for (int s = 1; s <= 3; s++) {
            b.add(row(s));
        }
        TraceChunk c = b.since(1);
        assertThat(steps(c.rows())).containsExactly(2, 3);
        assertThat(c.through()).isEqualTo(3);
        for (int s = 4; s <= 9; s++) {
            b.add(row(s));
        }
        // limit 4 passed twice: stride 4 keeps 1, 4, 8 and the newest, 9
        assertThat(steps(b.rows())).containsExactly(1, 4, 8, 9);
        assertThat(steps(b.since(3).rows())).containsExactly(4, 8, 9);
        assertThat(steps(b.since(8).rows())).containsExactly(9);
        assertThat(b.since(9)).isEqualTo(new TraceChunk(List.of(), 9));
        assertThat(b.since(50).rows()).isEmpty();
        assertThatThrownBy(() -> b.since(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNewestRowCanBeReplaced() {
        TraceBuffer b = new TraceBuffer(4);
        b.replaceNewest(r -> row(99)); // empty: nothing to replace
        assertThat(b.rows()).isEmpty();
        for (int s = 1; s <= 7; s++) {
            b.add(row(s));
        }
        b.replaceNewest(r -> row(r.step() * 100));
        assertThat(steps(b.rows())).endsWith(700);
        assertThatThrownBy(() -> new TraceBuffer(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
