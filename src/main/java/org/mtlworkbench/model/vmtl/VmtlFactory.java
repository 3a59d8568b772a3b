package org.mtlworkbench.model.vmtl;
import org.mtlworkbench.model.djl.TemperatureSchedule;
import org.mtlworkbench.model.djl.Adam;

import java.util.List;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.MultiTaskModel;
import org.mtlworkbench.model.ParamSpec;
import org.mtlworkbench.model.ParamValues;

/**
 * Variational multi-task learning with Gumbel-softmax priors (Shen, Zhen, Worring &amp; Shao, NeurIPS 2021), on
 * DJL/PyTorch: every task's classifier (and representation) prior is a mixture of the other tasks' posteriors,
 * with mixing weights α (and β) learned through a Gumbel-softmax. See {@code docs/models/vmtl.md}.
 */
public final class VmtlFactory implements ModelFactory {

    /** The model id on the command line and in experiment files. */
    public static final String ID = "vmtl";
    /** The live temperature knob (the workbench's τ slider). */
    public static final String TAU = "tau";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Variational MTL with Gumbel-softmax priors";
    }

    @Override
    public String description() {
        return "Bayesian neural multi-task model: each task borrows its prior from the other tasks' posteriors, "
                + "with learned mixing weights α (classifier) and β (representation) shown as heatmaps.";
    }

    @Override
    public String reference() {
        return "Shen, J., Zhen, X., Worring, M. & Shao, L. (2021). Variational Multi-Task Learning with "
                + "Gumbel-Softmax Priors. NeurIPS 34. arXiv:2111.05323";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInt("steps", 1000, 1, 10_000_000, "training steps (one batch of every task per step)"),
                ParamSpec.ofInt("batchSize", 32, 0, 100_000,
                        "rows per task per step; 0 = all rows of every task (masked to equal length)"),
                ParamSpec.ofInt("hidden", 64, 1, 4096, "width of the shared trunk of the encoder q(z|x)"),
                ParamSpec.ofBoolean("skip", false,
                        "the task heads of the encoder also read the inputs (a linear path beside the trunk)"),
                ParamSpec.ofBoolean("classifierSkip", false,
                        "the classifiers read [z, x]: Bayesian linear weights on the inputs beside z, with the same "
                        + "mixture prior (the other tasks' posteriors, and the null component if nullStd > 0)"),
                ParamSpec.ofInt("latent", 16, 1, 1024, "dimension of the representation z"),
                ParamSpec.ofInt("samples", 4, 1, 256, "Monte Carlo samples of z and w per row and step"),
                ParamSpec.ofInt("predictSamples", 32, 1, 4096, "Monte Carlo samples averaged for a prediction"),
                ParamSpec.ofDouble("learningRate", 3e-3, 1e-6, 1.0,
                        "Adam step size for the encoder (trunk and heads)").withLogScale(),
                ParamSpec.ofDouble("classifierLearningRate", 0.0, 0.0, 1.0,
                        "Adam step size for the classifier posteriors q(w_t) (and the regression noise and σ₀): "
                        + "their own, so they can converge before the encoder overfits; 0 = learningRate"),
                ParamSpec.ofDouble("mixingLearningRate", 0.05, 0.0, 10.0,
                        "Adam step size for the mixing logits of α and β (their own, so the Gumbel noise "
                        + "does not swamp them)").withLogScale(),
                ParamSpec.ofDouble("minStdZ", 0.1, 1e-6, 10.0,
                        "floor added to the standard deviation of z (posterior and prior): without it the likelihood "
                        + "shrinks z to a point and KL(z) explodes").withLogScale(),
                ParamSpec.ofDouble("inputDropout", 0.0, 0.0, 0.95,
                        "probability of dropping each input value during training (the official code uses 0.7)"),
                ParamSpec.ofDouble("weightDecay", 0.05, 0.0, 10.0,
                        "L2 weight decay on the encoder (trunk and heads), a Gaussian prior on these point "
                        + "estimates (the official code uses 5e-4 on everything)").withLogScale(),
                ParamSpec.ofDouble("logitDecay", 1.0, 0.0, 1e6,
                        "precision of a Gaussian prior on the mixing logits: keeps α and β graded where the data "
                        + "do not pick one neighbour (0 = none)"),
                ParamSpec.ofDouble(TAU, 1.0, 1e-3, 1e3,
                        "Gumbel-softmax temperature τ (initial value of the schedule; changing it while "
                        + "training sets τ from the next step on)").asLive().withLogScale(),
                ParamSpec.ofChoice("tauSchedule", TemperatureSchedule.EXPONENTIAL.id(), TemperatureSchedule.ids(),
                        "how τ changes with the step: constant, exponential decay to a floor, or τ₀/√step"),
                ParamSpec.ofDouble("tauDecay", 1e-3, 0.0, 1.0, "rate of the exponential τ schedule, per step"),
                ParamSpec.ofDouble("tauFloor", 0.5, 1e-3, 1e3, "lowest τ of the exponential schedule"),
                ParamSpec.ofChoice("klEstimator", KlEstimator.PAIRWISE.id(), KlEstimator.ids(),
                        "KL to the mixture prior: pairwise upper bound Σα·KL, moment-matched Gaussian, or the "
                        + "official code's α-weighted sum of Gaussians"),
                ParamSpec.ofChoice("klSchedule", KlSchedule.WARMUP.id(), KlSchedule.ids(),
                        "KL weights over time: constant, linear warm-up, or the official code's preset"),
                ParamSpec.ofDouble("klWeightW", 0.3, 0.0, 1e6,
                        "weight λ_w of KL(w) (1 = the true ELBO; below 1 tempers the borrowed prior)"),
                ParamSpec.ofDouble("klWeightZ", 1e-3, 0.0, 1e6,
                        "weight λ_z of KL(z) (1 = the true ELBO; below 1 tempers the borrowed prior)"),
                ParamSpec.ofInt("klWarmupSteps", 300, 0, 10_000_000, "steps of the linear KL warm-up"),
                ParamSpec.ofDouble("initStdW", 0.3, 1e-4, 10.0,
                        "initial standard deviation of every classifier posterior q(w_t)").withLogScale(),
                ParamSpec.ofDouble("minStd", 1e-3, 1e-6, 1.0,
                        "floor added to every posterior standard deviation (against variance collapse)")
                        .withLogScale(),
                ParamSpec.ofChoice("classWeighting", "none", List.of("none", "balanced"),
                        "classification: weight each row's likelihood by N_t/(C·N_tc) of its class in its task "
                        + "(balanced; predictions add back log N_tc/N_t, so probabilities keep the task's base rate)"),
                ParamSpec.ofDouble("nullStd", 0.0, 0.0, 100.0,
                        "σ₀ of a 'borrow nothing' component N(0, σ₀²I) in every classifier prior, with its own "
                        + "learned mixing logit (0 = none, as in the paper)"),
                ParamSpec.ofDouble("nullStart", 0.0, -20.0, 20.0,
                        "with nullStd > 0: initial mixing logit of the null component (the other tasks' start at "
                        + "0); a few units start every task borrowing nothing, so that it borrows only where another "
                        + "task's posterior turns out closer (keep logitDecay small, or it pulls the logit back)"),
                ParamSpec.ofChoice("taskTying", TaskTying.AUTO.id(), TaskTying.ids(),
                        "loose: the settings as given; tight: λ_z = λ_w = 1, classifiers on [z, x], learned null "
                        + "component (for closely related tasks); guarded: classifiers on [z, x], every task starting "
                        + "on the null component and borrowing only where another task is closer, σ₀ learned per input "
                        + "by all tasks together (for conflicting tasks); auto: 3-fold cross-validation of the three on "
                        + "the training rows, loose unless another's held-out NLPD is lower by over 2 standard errors "
                        + "(nine fits first)"),
                ParamSpec.ofBoolean("learnNullStd", false,
                        "with nullStd > 0: σ₀ is learned per task by maximising the ELBO (type-II maximum "
                        + "likelihood), nullStd being its initial value"),
                ParamSpec.ofBoolean("sharedNullScales", false,
                        "with nullStd > 0: σ₀ is learned per classifier input, one for all tasks and classes (an ARD "
                        + "prior the tasks learn together: which inputs matter), nullStd being its initial value; "
                        + "takes precedence over learnNullStd"));
    }

    @Override
    public boolean supports(TargetType type) {
        return true;
    }

    @Override
    public MultiTaskModel create(ParamValues values) {
        return new VmtlModel(VmtlSettings.from(values));
    }
}
