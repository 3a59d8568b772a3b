package org.mtlworkbench.app;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * For the frame benchmark: records the collector's pauses while open, and tells how many late frames would have
 * been on time without them. All the collectors the GUI uses (serial, G1, ZGC's pauses) report each collection
 * with a start and end in milliseconds since the JVM started; frame times are System.nanoTime, converted once.
 */
final class GcPauses implements AutoCloseable {

    static final long BUDGET_NANOS = 20_000_000L;

    private final List<long[]> pauses = new ArrayList<>(); // {start, end} in System.nanoTime terms
    private final long offsetNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (n, handback) -> {
        if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        if (info.getGcAction().contains("cycles")) {
            return; // a concurrent collector's whole cycle, not a pause
        }
        synchronized (pauses) {
            pauses.add(new long[] {offsetNanos + info.getGcInfo().getStartTime() * 1_000_000L,
                offsetNanos + info.getGcInfo().getEndTime() * 1_000_000L});
        }
    };

    GcPauses() {
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (b instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // never added
            }
        }
    }

    /**
     * "late (GC)": frames over the budget, and of them those that the pauses overlapping them explain (the interval
     * less the overlap is within the budget; the times are to a millisecond, so a near miss may count either way).
     */
    String explain(List<Long> intervals, List<Long> frameEnds) {
        int late = 0;
        int byGc = 0;
        synchronized (pauses) {
            for (int i = 0; i < intervals.size(); i++) {
                long d = intervals.get(i);
                if (d <= BUDGET_NANOS) {
                    continue;
                }
                late++;
                long end = frameEnds.get(i);
                long start = end - d;
                long overlap = 0;
                for (long[] p : pauses) {
                    overlap += Math.max(0, Math.min(end, p[1]) - Math.max(start, p[0]));
                }
                if (d - overlap <= BUDGET_NANOS) {
                    byGc++;
                }
            }
            return String.format(Locale.ROOT, "%d (%d GC, %d pauses ≥ 10 ms)", late, byGc,
                    pauses.stream().filter(p -> p[1] - p[0] >= 10_000_000L).count());
        }
    }
}
