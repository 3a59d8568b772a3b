package org.mtlworkbench.model.routing;

import java.util.List;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.RelatednessView;

/**
 * The state of a running fit as a predictor, handed out with every snapshot. Making one costs nothing; the
 * parameters are copied from the device when it is first asked to predict (while its step is still the trainer's
 * latest), or when the trainer closes and freezes the last one handed out.
 */
final class RoutingLiveModel implements FittedModel {

    private final RoutingTrainer trainer;
    private final int version;
    private volatile RoutingPredictor frozen;

    RoutingLiveModel(RoutingTrainer trainer, int version) {
        this.trainer = trainer;
        this.version = version;
    }

    synchronized RoutingPredictor freeze() {
        if (frozen == null) {
            if (trainer.isClosed()) {
                throw new IllegalStateException("this training state is gone: the fit has ended");
            }
            if (trainer.version() != version) {
                throw new IllegalStateException("this training state is stale: the fit has moved on from it");
            }
            frozen = trainer.predictor(trainer.weights());
        }
        return frozen;
    }

    synchronized void freezeAtClose() {
        if (frozen == null) {
            frozen = trainer.predictor(trainer.weights());
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
