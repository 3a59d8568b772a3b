package org.mtlworkbench.model.routing;

import java.util.List;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.MultiTaskModel;
import org.mtlworkbench.model.ParamSpec;
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.model.djl.TemperatureSchedule;

/**
 * Gumbel-Matrix routing (Maziarz, Kokiopoulou, Gesmundo, Sbaiz, Bartok &amp; Berent, 2019): a network of L layers with
 * C parallel components each; every task learns, per layer, which components it uses (binary gates relaxed with
 * the binary Gumbel-softmax), jointly with the weights. See {@code docs/models/gumbel-routing.md}.
 */
public final class RoutingFactory implements ModelFactory {

    /** The model id on the command line and in experiment files. */
    public static final String ID = "gumbel-routing";
    /** The live temperature knob (the workbench's τ slider). */
    public static final String TAU = "tau";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Gumbel-Matrix routing (learned parameter allocation)";
    }

    @Override
    public String description() {
        return "Neural multi-task network of L layers × C components; each task learns which components it uses "
                + "in each layer. Shows the task × component allocation per layer and how much tasks share.";
    }

    @Override
    public String reference() {
        return "Maziarz, K., Kokiopoulou, E., Gesmundo, A., Sbaiz, L., Bartok, G. & Berent, J. (2019). Flexible "
                + "Multi-task Networks by Learning Parameter Allocation. arXiv:1910.04915";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInt("steps", 1000, 1, 10_000_000, "training steps (one batch of every task per step)"),
                ParamSpec.ofInt("batchSize", 32, 0, 100_000,
                        "rows per task per step; 0 = all rows of every task (masked to equal length)"),
                ParamSpec.ofInt("layers", 2, 1, 16, "routed layers L"),
                ParamSpec.ofInt("components", 4, 1, 256, "parallel components C per layer"),
                ParamSpec.ofInt("width", 32, 1, 4096, "output width of every hidden component"),
                ParamSpec.ofChoice("head", HeadKind.TASK.id(), HeadKind.ids(),
                        "task: a linear output head per task; routed: the last layer's components give the "
                        + "outputs (no task-specific weights, so tasks with conflicting labels must separate)"),
                ParamSpec.ofChoice("allocation", Allocation.LEARNED.id(), Allocation.ids(),
                        "learned gates; all-on (one fully shared network); independent (one component per task, "
                        + "C set to T)"),
                ParamSpec.ofDouble("learningRate", 3e-3, 1e-6, 1.0, "Adam step size for the weights").withLogScale(),
                ParamSpec.ofDouble("allocationLearningRate", 0.03, 0.0, 10.0,
                        "Adam step size for the allocation logits").withLogScale(),
                ParamSpec.ofDouble("weightDecay", 0.01, 0.0, 10.0,
                        "L2 weight decay on the weights (a Gaussian prior on these point estimates)").withLogScale(),
                ParamSpec.ofDouble("initLogit", 2.0, -10.0, 10.0,
                        "initial allocation logit: 2 means p(on) = 0.88, so every component gets gradient early"),
                ParamSpec.ofBoolean("straightThrough", true,
                        "hard 0/1 gates in the forward pass with the relaxed gradient (else relaxed gates)"),
                ParamSpec.ofDouble(TAU, 1.0, 1e-3, 1e3,
                        "Gumbel-sigmoid temperature τ (initial value of the schedule; changing it while training "
                        + "sets τ from the next step on)").asLive().withLogScale(),
                ParamSpec.ofChoice("tauSchedule", TemperatureSchedule.CONSTANT.id(), TemperatureSchedule.ids(),
                        "how τ changes with the step: constant, exponential decay to a floor, or τ₀/√step"),
                ParamSpec.ofDouble("tauDecay", 1e-3, 0.0, 1.0, "rate of the exponential τ schedule, per step"),
                ParamSpec.ofDouble("tauFloor", 0.5, 1e-3, 1e3, "lowest τ of the exponential schedule"));
    }

    @Override
    public boolean supports(TargetType type) {
        return true;
    }

    @Override
    public MultiTaskModel create(ParamValues values) {
        return new RoutingModel(RoutingSettings.from(values));
    }
}
