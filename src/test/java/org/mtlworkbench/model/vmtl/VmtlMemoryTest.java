package org.mtlworkbench.model.vmtl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.model.FitContext;

/**
 * Every step's tensors live in a sub-manager closed at the end of the step: over 20,000 steps the process's
 * resident memory stays within 5% of its value after step 1,000. Minutes long, so tagged slow.
 */
@Tag("slow")
class VmtlMemoryTest {

    static long residentKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS line");
    }

    @Test
    void residentMemoryStaysFlatOver20000Steps() throws IOException {
        Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/status")), "needs /proc (Linux)");
        MultiTaskDataset data = org.mtlworkbench.data.synthetic.Scenarios.get("linked").generate(1).dataset();
        List<long[]> rss = new ArrayList<>();
        long[] at1000 = new long[1];
        new VmtlFactory().create(new VmtlFactory().defaults().withText("taskTying", "loose").withText("steps", "20000"))
                .fit(data, FitContext.headless(1, s -> {
                    if (s.step() == 1000 || s.step() % 5000 == 0) {
                        System.gc();
                        try {
                            long kb = residentKb();
                            rss.add(new long[] {s.step(), kb});
                            if (s.step() == 1000) {
                                at1000[0] = kb;
                            }
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }));
        System.gc();
        long end = residentKb();
        System.out.printf("VMTL resident memory (step, kB): %s; after the fit %d kB%n",
                rss.stream().map(r -> r[0] + "=" + r[1]).toList(), end);
        for (long[] r : rss) {
            assertThat((double) r[1]).as("RSS at step %d vs step 1000", r[0])
                    .isLessThanOrEqualTo(at1000[0] * 1.05);
        }
    }
}
