package org.mtlworkbench.bench.routing;

import java.util.concurrent.TimeUnit;
import org.mtlworkbench.model.routing.RoutingBenchAccess;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Gumbel-Matrix routing training steps per second: L = 3 layers of C = 8 components (width 32), 64 rows per task per
 * step, 32 inputs, 4 classes, CPU, for T = 2, 5, 10, 20 tasks; all tasks in one batched computation against a
 * per-task loop of the same model, same run. Run with {@code OMP_NUM_THREADS=2} ({@code ./bench} sets
 * {@code OMP_WAIT_POLICY=PASSIVE}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true"})
public class RoutingStepBench {

    @Param({"2", "5", "10", "20"})
    public int tasks;

    @Param({"batched", "loop"})
    public String mode;

    private RoutingBenchAccess access;

    @Setup
    public void setUp() {
        access = new RoutingBenchAccess(tasks, 3, 8, 64);
        for (int i = 0; i < 5; i++) {
            access.step(false);
        }
    }

    @Benchmark
    public double step() {
        return access.step(mode.equals("loop"));
    }

    @TearDown
    public void tearDown() {
        access.close();
    }
}
