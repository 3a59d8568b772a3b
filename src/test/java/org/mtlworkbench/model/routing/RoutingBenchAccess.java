package org.mtlworkbench.model.routing;

import org.mtlworkbench.model.FitContext;

/** Lets the JMH benchmark drive training steps of a routing fit (package-private API) on random data. */
public final class RoutingBenchAccess implements AutoCloseable {

    private final RoutingTrainer trainer;
    private int step;

    /** T tasks of 256 rows with 32 inputs and 4 classes; L layers of C components of width 32; B rows per task. */
    public RoutingBenchAccess(int tasks, int layers, int components, int batch) {
        RoutingSettings s = RoutingTestData.settings("layers", Integer.toString(layers), "components",
                Integer.toString(components), "batchSize", Integer.toString(batch));
        trainer = new RoutingTrainer(RoutingTestData.random(tasks, 256, 32, 4, false), s,
                FitContext.headless(1)::random);
    }

    /** One training step, batched over tasks or as a per-task loop; returns the loss (so JMH keeps it). */
    public double step(boolean perTaskLoop) {
        step++;
        return trainer.step(step, 1.0, perTaskLoop).total();
    }

    @Override
    public void close() {
        trainer.close();
    }
}
