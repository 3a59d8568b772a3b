package org.mtlworkbench.model.vmtl;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.ModelSnapshot;
import org.mtlworkbench.model.MultiTaskModel;

/**
 * One VMTL fit: {@code steps} steps, each reporting the negative ELBO and its terms, τ, the KL weights, the
 * expected α and β, and the current state (for metrics). τ comes from the schedule unless the live knob
 * {@value VmtlFactory#TAU} is set, which is read at the start of every step.
 */
final class VmtlModel implements MultiTaskModel {

    static final String LOSS_TOTAL = "negative ELBO";
    static final String LOSS_LIKELIHOOD = "likelihood (NLL)";
    static final String LOSS_KL_Z = "KL(z)";
    static final String LOSS_KL_W = "KL(w)";
    static final String LOSS_LOGIT_PRIOR = "mixing-logit prior";
    /** Scalar: updates skipped so far because the gradient was not finite while the loss was. */
    static final String SKIPPED = "skipped steps";

    private final VmtlSettings settings;

    VmtlModel(VmtlSettings settings) {
        this.settings = settings;
    }

    @Override
    public FittedModel fit(MultiTaskDataset train, FitContext ctx) {
        try (VmtlTrainer trainer = new VmtlTrainer(train, settings, ctx.seed(), ctx::random)) {
            double tau = settings.scheduledTau(1);
            for (int step = 1; step <= settings.steps(); step++) {
                ctx.checkCancelled();
                tau = ctx.knobs().get(VmtlFactory.TAU).orElse(settings.scheduledTau(step));
                VmtlTrainer.Outcome o = trainer.step(step, tau);
                VmtlLiveModel current = trainer.current(tau);
                ctx.report(snapshot(o, trainer, current, tau));
            }
            return trainer.predictor(trainer.weights(), tau);
        }
    }

    private static ModelSnapshot snapshot(VmtlTrainer.Outcome o, VmtlTrainer trainer, VmtlLiveModel current,
                                          double tau) {
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put(LOSS_TOTAL, o.total());
        losses.put(LOSS_LIKELIHOOD, o.likelihood());
        losses.put(LOSS_KL_Z, o.klZ());
        losses.put(LOSS_KL_W, o.klW());
        losses.put(LOSS_LOGIT_PRIOR, o.logitPrior());
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("τ", tau);
        scalars.put("λ_w", o.lambdaW());
        scalars.put("λ_z", o.lambdaZ());
        scalars.put(SKIPPED, (double) o.skippedSteps());
        int t = trainer.shape().tasks();
        float[] logits = trainer.mixingLogits();
        double[][] alpha = VmtlWeights.square(logits, t);
        double[][] beta = VmtlWeights.square(java.util.Arrays.copyOfRange(logits, t * t, 2 * t * t), t);
        return new ModelSnapshot(o.step(), losses, scalars, VmtlPredictor.views(alpha, beta, trainer.taskNames(),
                tau), current);
    }
}
