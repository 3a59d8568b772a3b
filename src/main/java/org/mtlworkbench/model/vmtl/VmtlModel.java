package org.mtlworkbench.model.vmtl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
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
    /** Scalar with {@code taskTying = auto}: the variant held-out rows chose, 0 loose, 1 tight, 2 guarded. */
    static final String TYING_CHOSEN = "tying chosen (0 loose, 1 tight, 2 guarded)";

    private final VmtlSettings settings;

    VmtlModel(VmtlSettings settings) {
        this.settings = settings;
    }

    @Override
    public FittedModel fit(MultiTaskDataset train, FitContext ctx) {
        VmtlSettings chosen = settings.variant(settings.tying());
        Map<String, Double> selection = new LinkedHashMap<>();
        if (settings.tying() == TaskTying.AUTO) {
            TyingSelection.Choice c = TyingSelection.choose(train, settings, ctx);
            chosen = settings.variant(c.tying());
            selection.put(TYING_CHOSEN, (double) TyingSelection.VARIANTS.indexOf(c.tying()));
            selection.put("validation NLPD, loose", c.looseNlpd());
            selection.put("validation NLPD, tight", c.tight().nlpd());
            selection.put("validation NLPD, guarded", c.guarded().nlpd());
            selection.put("validation NLPD, tight − loose", c.tight().meanDifference());
            selection.put("validation NLPD, tight − loose, standard error", c.tight().standardError());
            selection.put("validation NLPD, guarded − loose", c.guarded().meanDifference());
            selection.put("validation NLPD, guarded − loose, standard error", c.guarded().standardError());
        }
        return train(train, chosen, ctx, ctx::random, selection);
    }

    /**
     * Trains {@code s} on {@code data}; reports every step with {@code extraScalars} added, or nothing when
     * {@code extraScalars} is null (then the live τ knob is not read either: a silent fit follows its schedule).
     */
    static VmtlPredictor train(MultiTaskDataset data, VmtlSettings s, FitContext ctx,
                               Function<String, SplittableRandom> random, Map<String, Double> extraScalars) {
        try (VmtlTrainer trainer = new VmtlTrainer(data, s, ctx.seed(), random)) {
            double tau = s.scheduledTau(1);
            for (int step = 1; step <= s.steps(); step++) {
                ctx.checkCancelled();
                tau = extraScalars == null ? s.scheduledTau(step)
                        : ctx.knobs().get(VmtlFactory.TAU).orElse(s.scheduledTau(step));
                VmtlTrainer.Outcome o = trainer.step(step, tau);
                if (extraScalars != null) {
                    ctx.report(snapshot(o, trainer, trainer.current(tau), tau, extraScalars));
                }
            }
            return trainer.predictor(trainer.weights(), tau);
        }
    }

    private static ModelSnapshot snapshot(VmtlTrainer.Outcome o, VmtlTrainer trainer, VmtlLiveModel current,
                                          double tau, Map<String, Double> extraScalars) {
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
        scalars.putAll(extraScalars);
        int t = trainer.shape().tasks();
        float[] logits = trainer.mixingLogits();
        double[][] alpha = VmtlWeights.square(logits, t);
        double[][] beta = VmtlWeights.square(java.util.Arrays.copyOfRange(logits, t * t, 2 * t * t), t);
        return new ModelSnapshot(o.step(), losses, scalars, VmtlPredictor.views(alpha, beta, trainer.taskNames(),
                tau, trainer.inputScales()), current);
    }
}
