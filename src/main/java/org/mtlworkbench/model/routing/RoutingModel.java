package org.mtlworkbench.model.routing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.ModelSnapshot;
import org.mtlworkbench.model.MultiTaskModel;

/**
 * One routing fit: {@code steps} steps, each reporting the summed task loss and every task's loss, τ, the entropy
 * of the allocation, the per-layer allocation probabilities and the sharing matrix, and the current state (for
 * metrics). τ comes from the schedule unless the live knob {@value RoutingFactory#TAU} is set, read at the start of
 * every step.
 */
final class RoutingModel implements MultiTaskModel {

    static final String LOSS_TOTAL = "loss (sum of task NLLs)";
    static final String SCALAR_TAU = "τ";
    static final String SCALAR_ENTROPY = "allocation entropy (bits)";
    static final String SCALAR_ACTIVE = "components on per task and layer";

    private final RoutingSettings settings;

    RoutingModel(RoutingSettings settings) {
        this.settings = settings;
    }

    @Override
    public FittedModel fit(MultiTaskDataset train, FitContext ctx) {
        try (RoutingTrainer trainer = new RoutingTrainer(train, settings, ctx::random)) {
            for (int step = 1; step <= settings.steps(); step++) {
                ctx.checkCancelled();
                double tau = ctx.knobs().get(RoutingFactory.TAU).orElse(settings.scheduledTau(step));
                RoutingTrainer.Outcome o = trainer.step(step, tau);
                ctx.report(snapshot(o, trainer));
            }
            return trainer.predictor(trainer.weights());
        }
    }

    private static ModelSnapshot snapshot(RoutingTrainer.Outcome o, RoutingTrainer trainer) {
        List<String> tasks = trainer.taskNames();
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put(LOSS_TOTAL, o.total());
        for (int t = 0; t < tasks.size(); t++) {
            losses.put("NLL " + tasks.get(t), o.taskLosses()[t]);
        }
        float[] logits = trainer.logits();
        double[][][] p = RoutingWeights.probabilities(trainer.shape(), logits);
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put(SCALAR_TAU, o.tau());
        scalars.put(SCALAR_ENTROPY, AllocationViews.entropyBits(p));
        scalars.put(SCALAR_ACTIVE, AllocationViews.meanActive(RoutingWeights.mode(trainer.shape(), logits)));
        return new ModelSnapshot(o.step(), losses, scalars, AllocationViews.views(p, tasks), trainer.current());
    }
}
