package org.mtlworkbench.model.vmtl;

import java.nio.file.Path;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.SplitSpec;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.experiment.DataPreparation;
import org.mtlworkbench.experiment.DataRequest;
import org.mtlworkbench.model.FitContext;

/** Lets the JMH benchmark drive training steps of a VMTL fit (package-private API) on a shared data set. */
public final class VmtlBenchAccess implements AutoCloseable {

    private final VmtlTrainer trainer;
    private int step;

    private VmtlBenchAccess(MultiTaskDataset data, int batch, boolean autograd) {
        VmtlSettings s = VmtlSettings.from(new VmtlFactory().defaults().withText("taskTying", "loose")
                .withText("batchSize", Integer.toString(batch)));
        FitContext ctx = FitContext.headless(1);
        String before = System.getProperty(VmtlTrainer.AUTOGRAD_PROPERTY);
        System.setProperty(VmtlTrainer.AUTOGRAD_PROPERTY, Boolean.toString(autograd));
        try {
            trainer = new VmtlTrainer(data, s, 1, ctx::random);
        } finally {
            if (before == null) {
                System.clearProperty(VmtlTrainer.AUTOGRAD_PROPERTY);
            } else {
                System.setProperty(VmtlTrainer.AUTOGRAD_PROPERTY, before);
            }
        }
    }

    /** The training half (standardised) of a shared tidy CSV, as classification. */
    public static VmtlBenchAccess open(Path csv, int batch) throws Exception {
        return open(csv, batch, false);
    }

    /** As {@link #open(Path, int)}; {@code autograd}: batched steps through autograd instead of the hand-written gradients. */
    public static VmtlBenchAccess open(Path csv, int batch, boolean autograd) throws Exception {
        DataRequest req = new DataRequest(csv, null, TargetType.CLASSIFICATION, SplitSpec.fraction(0.5, 1));
        return new VmtlBenchAccess(DataPreparation.prepare(req).split().train(), batch, autograd);
    }

    public int tasks() {
        return trainer.shape().tasks();
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
