package org.mtlworkbench.model.vmtl;
import org.mtlworkbench.model.djl.TemperatureSchedule;

import org.mtlworkbench.model.ParamValues;

/**
 * The checked hyper-parameters of one VMTL fit (see {@link VmtlFactory#params()} for their meaning).
 */
record VmtlSettings(int steps, int batchSize, int hidden, int latent, int samples, int predictSamples,
                    double learningRate, double classifierLearningRate, double mixingLearningRate, double tau,
                    TemperatureSchedule tauSchedule, double tauDecay, double tauFloor, KlEstimator klEstimator,
                    KlSchedule klSchedule,
                    double klWeightW, double klWeightZ, int klWarmupSteps, double initStdW, double minStd, double logitDecay,
                    double inputDropout, double weightDecay, double minStdZ,
                    boolean balancedClasses, double nullStd, double nullStart, boolean learnNullStd,
                    boolean sharedNullScales, boolean skip,
                    boolean classifierSkip, TaskTying tying) {

    static VmtlSettings from(ParamValues p) {
        return new VmtlSettings(p.getInt("steps"), p.getInt("batchSize"), p.getInt("hidden"), p.getInt("latent"),
                p.getInt("samples"), p.getInt("predictSamples"), p.getDouble("learningRate"),
                p.getDouble("classifierLearningRate"), p.getDouble("mixingLearningRate"), p.getDouble("tau"),
                TemperatureSchedule.of(p.getString("tauSchedule")),
                p.getDouble("tauDecay"), p.getDouble("tauFloor"), KlEstimator.of(p.getString("klEstimator")),
                KlSchedule.of(p.getString("klSchedule")), p.getDouble("klWeightW"), p.getDouble("klWeightZ"),
                p.getInt("klWarmupSteps"), p.getDouble("initStdW"), p.getDouble("minStd"), p.getDouble("logitDecay"),
                p.getDouble("inputDropout"), p.getDouble("weightDecay"), p.getDouble("minStdZ"),
                "balanced".equals(p.getString("classWeighting")), p.getDouble("nullStd"), p.getDouble("nullStart"),
                p.getBoolean("learnNullStd"), p.getBoolean("sharedNullScales"),
                p.getBoolean("skip"), p.getBoolean("classifierSkip"), TaskTying.of(p.getString("taskTying")));
    }

    /**
     * The tight variant: the true ELBO's KL weights (λ_z = λ_w = 1, so the heads of the encoder are tied through β),
     * the classifiers reading [z, x], and a learned 'borrow nothing' component (σ₀ from {@code nullStd}, 1 if unset).
     */
    VmtlSettings tight() {
        return new VmtlSettings(steps, batchSize, hidden, latent, samples, predictSamples, learningRate,
                classifierLearningRate, mixingLearningRate, tau, tauSchedule, tauDecay, tauFloor, klEstimator,
                klSchedule, 1.0, 1.0,
                klWarmupSteps, initStdW, minStd, logitDecay, inputDropout, weightDecay, minStdZ, balancedClasses,
                nullStd > 0 ? nullStd : 1.0, nullStart, true, sharedNullScales, skip, true, TaskTying.TIGHT);
    }

    /** Adam's step size for the classifier posteriors: {@code classifierLearningRate}, or {@code learningRate} if 0. */
    double classifierRate() {
        return classifierLearningRate > 0 ? classifierLearningRate : learningRate;
    }

    /** {@link #guarded()}'s null-component start, where {@code nullStart} is not set above 0. */
    static final double GUARDED_NULL_START = 5.0;
    /**
     * {@link #guarded()}'s classifier learning rate where {@code classifierLearningRate} is not set, as a multiple of
     * {@code learningRate} (3e−2 at the default).
     */
    static final double GUARDED_CLASSIFIER_RATE = 10.0;
    static final double GUARDED_WEIGHT_DECAY = 2.0;
    static final int GUARDED_PREDICT_SAMPLES = 256;

    /**
     * The guarded variant, for conflicting tasks (decision 0038): the classifiers read [z, x]; every task's prior
     * starts on the null component (σ₀ from {@code nullStd}, 1 if unset; initial logit {@code nullStart}, 5 if not
     * above 0; no logit prior, which would pull it back), so a task borrows only where another task's posterior turns
     * out closer; the classifier learns at {@code classifierLearningRate}, or 10 × {@code learningRate} if that is
     * not set, so that it converges within the steps; the encoder's weight decay is 2 (it must not memorise the rows
     * beside a converged linear part); at least 256 draws per prediction (a broad posterior ranks noisily with fewer);
     * σ₀ learned per classifier input and shared by the tasks (decision 0039: what such tasks do share is which inputs
     * matter).
     */
    VmtlSettings guarded() {
        return new VmtlSettings(steps, batchSize, hidden, latent, samples,
                Math.max(predictSamples, GUARDED_PREDICT_SAMPLES), learningRate,
                classifierLearningRate > 0 ? classifierLearningRate : learningRate * GUARDED_CLASSIFIER_RATE,
                mixingLearningRate, tau, tauSchedule, tauDecay, tauFloor,
                klEstimator, klSchedule, klWeightW, klWeightZ, klWarmupSteps, initStdW, minStd, 0.0, inputDropout,
                GUARDED_WEIGHT_DECAY, minStdZ, balancedClasses, nullStd > 0 ? nullStd : 1.0,
                nullStart > 0 ? nullStart : GUARDED_NULL_START, learnNullStd, true, skip, true, TaskTying.GUARDED);
    }

    /** The settings one fit trains with: the tight or guarded variant for those, else these settings as given. */
    VmtlSettings variant(TaskTying t) {
        return switch (t) {
            case TIGHT -> tight();
            case GUARDED -> guarded();
            default -> this;
        };
    }

    /** τ from the schedule at {@code step} (the live knob, when set, replaces it). */
    double scheduledTau(int step) {
        return tauSchedule.at(step, tau, tauDecay, tauFloor);
    }
}
