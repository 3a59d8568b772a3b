package org.mtlworkbench.bench.routing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.mtlworkbench.model.routing.RoutingBenchAccess;

/**
 * The same steps as {@link RoutingStepBench}, timed in CPU time of the calling thread rather than wall time, so the
 * figure does not depend on what else the machine runs. Only meaningful with PyTorch on one thread (all work on the
 * calling thread): run with {@code OMP_NUM_THREADS=1} and {@code -Dai.djl.pytorch.num_threads=1}. Prints steps per
 * CPU-second and wall-second for T = 2, 5, 10, 20 (L = 3, C = 8, 64 rows per task), batched and per-task loop.
 */
public final class RoutingStepCpuTime {

    private RoutingStepCpuTime() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        System.out.println("tasks mode     steps/cpu-s steps/wall-s");
        for (int tasks : new int[] {2, 5, 10, 20}) {
            for (boolean loop : new boolean[] {false, true}) {
                try (RoutingBenchAccess a = new RoutingBenchAccess(tasks, 3, 8, 64)) {
                    for (int i = 0; i < 20; i++) {
                        a.step(loop);
                    }
                    long cpu = bean.getCurrentThreadCpuTime();
                    long wall = System.nanoTime();
                    for (int i = 0; i < steps; i++) {
                        a.step(loop);
                    }
                    double cpuS = (bean.getCurrentThreadCpuTime() - cpu) / 1e9;
                    double wallS = (System.nanoTime() - wall) / 1e9;
                    System.out.printf(Locale.ROOT, "%5d %-8s %11.1f %12.1f%n", tasks, loop ? "loop" : "batched",
                            steps / cpuS, steps / wallS);
                }
            }
        }
    }
}
