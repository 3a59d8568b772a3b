package org.mtlworkbench.train;

import java.util.List;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FitFailedException;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ModelSnapshot;
import org.mtlworkbench.model.MultiTaskModel;
import org.mtlworkbench.model.ParamSpec;
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.TaskMatrix;

/**
 * A trivial model for runtime tests: one shared constant w, moved towards the mean target t of all training rows
 * by w ← w + rate·(t − w) at every step, so after k steps w = t·(1 − (1 − rate)^k) with a constant rate. The rate
 * is read from the live knob "rate" at the start of every step (default: the parameter). Reports loss (t − w)² and
 * scalars "rate" and "w".
 */
public final class CountingModelFactory implements ModelFactory {

    @Override
    public String id() {
        return "counting";
    }

    @Override
    public String displayName() {
        return "Counting test model";
    }

    @Override
    public String description() {
        return "moves a constant towards the mean target, one report per step";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofInt("steps", 10, 0, Integer.MAX_VALUE, "number of steps"),
                ParamSpec.ofDouble("rate", 0.5, 0, 1, "step size").asLive(),
                ParamSpec.ofInt("failAt", 0, 0, Integer.MAX_VALUE, "step at which to fail (0 = never)"),
                ParamSpec.ofChoice("failWith", "fit-failed", List.of("fit-failed", "runtime", "error"),
                        "what to throw"),
                ParamSpec.ofBoolean("reportCurrent", true, "whether reports carry the current state"));
    }

    @Override
    public boolean supports(TargetType type) {
        return type == TargetType.REGRESSION;
    }

    @Override
    public MultiTaskModel create(ParamValues v) {
        return (train, ctx) -> fit(v, train, ctx);
    }

    /** w after k steps at a constant rate, towards target t. */
    public static double expectedW(double t, double rate, int k) {
        return t * (1 - Math.pow(1 - rate, k));
    }

    /** Mean of every training target (the value w converges to). */
    public static double target(MultiTaskDataset train) {
        double s = 0;
        int n = 0;
        for (Task task : train.tasks()) {
            for (double y : task.y()) {
                s += y;
                n++;
            }
        }
        return s / n;
    }

    private static FittedModel fit(ParamValues v, MultiTaskDataset train, FitContext ctx) {
        double t = target(train);
        double w = 0;
        int failAt = v.getInt("failAt");
        for (int k = 1; k <= v.getInt("steps"); k++) {
            double rate = ctx.knobs().getOr("rate", v.getDouble("rate"));
            if (k == failAt) {
                switch (v.getString("failWith")) {
                    case "runtime" -> throw new IllegalStateException("boom at step " + k);
                    case "error" -> throw new AssertionError("assertion at step " + k);
                    default -> throw new FitFailedException("loss is NaN at step " + k);
                }
            }
            w += rate * (t - w);
            ConstantModel current = new ConstantModel(w, train.taskNames());
            ctx.report(new ModelSnapshot(k, Map.of("loss", (t - w) * (t - w)), Map.of("rate", rate, "w", w),
                    current.relatedness(), v.getBoolean("reportCurrent") ? current : null));
        }
        return new ConstantModel(w, train.taskNames());
    }

    /** Predicts w with variance 1 for every row of every task. */
    public record ConstantModel(double w, List<String> tasks) implements FittedModel {
        @Override
        public Prediction predict(int task, double[][] x) {
            double[] m = new double[x.length];
            double[] var = new double[x.length];
            java.util.Arrays.fill(m, w);
            java.util.Arrays.fill(var, 1.0);
            return new Prediction.Regression(m, var);
        }

        @Override
        public List<org.mtlworkbench.relatedness.RelatednessView> relatedness() {
            double[][] id = new double[tasks.size()][tasks.size()];
            for (int i = 0; i < id.length; i++) {
                id[i][i] = 1;
            }
            return List.of(new TaskMatrix("identity", tasks, id, true));
        }
    }
}
