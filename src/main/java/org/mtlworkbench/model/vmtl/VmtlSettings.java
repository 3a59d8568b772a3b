package org.mtlworkbench.model.vmtl;
import org.mtlworkbench.model.djl.TemperatureSchedule;

import org.mtlworkbench.model.ParamValues;

/**
 * The checked hyper-parameters of one VMTL fit (see {@link VmtlFactory#params()} for their meaning).
 */
record VmtlSettings(int steps, int batchSize, int hidden, int latent, int samples, int predictSamples,
                    double learningRate, double mixingLearningRate, double tau, TemperatureSchedule tauSchedule,
                    double tauDecay, double tauFloor, KlEstimator klEstimator, KlSchedule klSchedule,
                    double klWeightW, double klWeightZ, int klWarmupSteps, double initStdW, double minStd, double logitDecay,
                    double inputDropout, double weightDecay, double minStdZ,
                    boolean balancedClasses, double nullStd, boolean learnNullStd, boolean skip,
                    boolean classifierSkip, TaskTying tying) {

    static VmtlSettings from(ParamValues p) {
        return new VmtlSettings(p.getInt("steps"), p.getInt("batchSize"), p.getInt("hidden"), p.getInt("latent"),
                p.getInt("samples"), p.getInt("predictSamples"), p.getDouble("learningRate"),
                p.getDouble("mixingLearningRate"), p.getDouble("tau"), TemperatureSchedule.of(p.getString("tauSchedule")),
                p.getDouble("tauDecay"), p.getDouble("tauFloor"), KlEstimator.of(p.getString("klEstimator")),
                KlSchedule.of(p.getString("klSchedule")), p.getDouble("klWeightW"), p.getDouble("klWeightZ"),
                p.getInt("klWarmupSteps"), p.getDouble("initStdW"), p.getDouble("minStd"), p.getDouble("logitDecay"),
                p.getDouble("inputDropout"), p.getDouble("weightDecay"), p.getDouble("minStdZ"),
                "balanced".equals(p.getString("classWeighting")), p.getDouble("nullStd"), p.getBoolean("learnNullStd"),
                p.getBoolean("skip"), p.getBoolean("classifierSkip"), TaskTying.of(p.getString("taskTying")));
    }

    /**
     * The tight variant: the true ELBO's KL weights (λ_z = λ_w = 1, so the heads of the encoder are tied through β),
     * the classifiers reading [z, x], and a learned 'borrow nothing' component (σ₀ from {@code nullStd}, 1 if unset).
     */
    VmtlSettings tight() {
        return new VmtlSettings(steps, batchSize, hidden, latent, samples, predictSamples, learningRate,
                mixingLearningRate, tau, tauSchedule, tauDecay, tauFloor, klEstimator, klSchedule, 1.0, 1.0,
                klWarmupSteps, initStdW, minStd, logitDecay, inputDropout, weightDecay, minStdZ, balancedClasses,
                nullStd > 0 ? nullStd : 1.0, true, skip, true, TaskTying.TIGHT);
    }

    /** The settings one fit trains with: the tight variant for {@code TIGHT}, else these settings as given. */
    VmtlSettings variant(TaskTying t) {
        return t == TaskTying.TIGHT ? tight() : this;
    }

    /** τ from the schedule at {@code step} (the live knob, when set, replaces it). */
    double scheduledTau(int step) {
        return tauSchedule.at(step, tau, tauDecay, tauFloor);
    }
}
