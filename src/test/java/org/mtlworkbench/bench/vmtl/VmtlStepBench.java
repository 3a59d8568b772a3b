package org.mtlworkbench.bench.vmtl;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mtlworkbench.model.vmtl.VmtlBenchAccess;
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
 * VMTL training steps per second on landmine (29 tasks, 9 inputs) and office_caltech10_surf (4 tasks, 800
 * inputs, 10 classes), 32 rows per task per step, default model settings, CPU: all tasks in one batched
 * computation against a per-task loop of the same model (one forward and backward pass per task), same run.
 * {@code batched} is the default step (hand-written gradients, decision 0035), {@code batched-autograd} the same
 * batched loss through autograd, {@code loop} the per-task loop (autograd, as the reference implementations).
 * Run with {@code OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE} ({@code ./bench} sets the wait policy; with OpenMP's
 * default the idle thread spins). The VMTL step itself chooses libtorch's intra-op thread count by its size on the
 * thread that runs it ({@code StepThreads}: one for office-caltech, every core for landmine); {@code -jvmArgsAppend -Dai.djl.pytorch.num_threads=N} fixes the count instead.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true"})
public class VmtlStepBench {

    @Param({"landmine", "office_caltech10_surf"})
    public String dataset;

    @Param({"batched", "batched-autograd", "loop"})
    public String mode;

    private VmtlBenchAccess access;

    @Setup
    public void setUp() throws Exception {
        Path dir = Path.of(System.getProperty("mtlwb.shared.dir", "../shared"), "datasets", dataset);
        Path csv = dir.resolve(dataset + ".csv");
        if (!Files.exists(csv)) {
            throw new IllegalStateException("shared data set not found: " + csv);
        }
        access = VmtlBenchAccess.open(csv, 32, !mode.equals("batched"));
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
