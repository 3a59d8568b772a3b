package org.mtlworkbench.data;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/**
 * Run in a separate JVM with a small heap by {@link LargeFileImportTest}: imports one file and prints
 * {@code rows tasks retainedBytes}, where retained is the heap still used by the result after a full GC.
 */
public final class LargeImportProbe {

    private LargeImportProbe() {
    }

    public static void main(String[] args) throws Exception {
        long before = usedAfterGc();
        long start = System.nanoTime();
        ImportedData data = CsvImporter.load(Path.of(args[0]), ImportOptions.defaults());
        long millis = (System.nanoTime() - start) / 1_000_000;
        long after = usedAfterGc();
        System.out.println("RESULT " + data.dataset().totalRows() + " " + data.dataset().taskCount() + " "
                + (after - before) + " " + millis);
        java.lang.ref.Reference.reachabilityFence(data);
    }

    private static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
