package org.mtlworkbench.model.vmtl;

import java.util.List;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.RelatednessView;

/**
 * The state of a running VMTL fit as a predictor, handed out with every snapshot. Making one costs nothing; the
 * parameters are copied from the device only when it is first asked to predict (while its step is still the
 * trainer's latest), or when the trainer closes and freezes the last one handed out.
 */
final class VmtlLiveModel implements FittedModel {

    private final VmtlTrainer trainer;
    private final int version;
    private final double tau;
    private final List<String> taskNames;
    private final long seed;
    private volatile VmtlPredictor frozen;

    VmtlLiveModel(VmtlTrainer trainer, int version, double tau) {
        this.trainer = trainer;
        this.version = version;
        this.tau = tau;
        this.taskNames = trainer.taskNames();
        this.seed = trainer.seed();
    }

    /** Copies the parameters now (if not done yet), checking that they are still this state's. */
    synchronized VmtlPredictor freeze() {
        if (frozen == null) {
            if (trainer.isClosed()) {
                throw new IllegalStateException("this training state is gone: the fit has ended");
            }
            if (trainer.version() != version) {
                throw new IllegalStateException("this training state is stale: the fit has moved on from it");
            }
            frozen = trainer.predictor(trainer.weights(), tau);
        }
        return frozen;
    }

    /** Called by the trainer as it closes: copies the parameters as they are (at most one step newer). */
    synchronized void freezeAtClose() {
        if (frozen == null) {
            frozen = trainer.predictor(trainer.weights(), tau);
        }
    }

    @Override
    public Prediction predict(int task, double[][] x) {
        return freeze().predict(task, x);
    }

    @Override
    public List<RelatednessView> relatedness() {
        return freeze().relatedness();
    }
}
