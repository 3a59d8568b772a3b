package org.mtlworkbench.model.routing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.model.FitFailedException;
import org.mtlworkbench.model.djl.Adam;
import org.mtlworkbench.model.djl.BinaryGumbel;
import org.mtlworkbench.model.djl.TaskBatches;
import org.mtlworkbench.numeric.DjlDevices;

/**
 * Owns the native state of one routing fit (weights, logits, Adam moments) in a long-lived manager and runs steps,
 * each in a sub-manager closed at its end. A non-finite loss or gradient stops the fit before the update, so the
 * parameters stay those of the last good step. One thread drives it.
 */
final class RoutingTrainer implements AutoCloseable {

    /**
     * What one step computed: the summed loss, each task's loss, and the fewest components any task used in any
     * layer in this step's sample (never 0).
     */
    record Outcome(int step, double total, double[] taskLosses, double tau, int fewestActive) {
    }

    private final RoutingSettings settings;
    private final RoutingShape shape;
    private final NDManager manager;
    private final RoutingParameters params;
    private final Adam weightAdam;
    private final Adam logitAdam;
    private final NDArray fixedGates;
    private final float[] fixedLogits;
    private final TaskBatches batches;
    private final SplittableRandom batchRng;
    private final SplittableRandom noiseRng;
    private final List<String> taskNames;
    private int version;
    private RoutingLiveModel lastIssued;
    private boolean closed;

    RoutingTrainer(MultiTaskDataset data, RoutingSettings settings, Function<String, SplittableRandom> random) {
        this.settings = settings;
        this.taskNames = data.taskNames();
        int t = data.taskCount();
        boolean regression = !data.isClassification();
        int components = settings.allocation() == Allocation.INDEPENDENT ? t : settings.components();
        shape = new RoutingShape(t, data.featureCount(), settings.layers(), components, settings.width(),
                regression ? 1 : data.classCount(), regression, settings.head());
        manager = DjlDevices.engine().newBaseManager(DjlDevices.preferredDevice());
        batches = new TaskBatches(data, settings.batchSize());
        params = new RoutingParameters(manager, new RoutingLayout(shape), settings.initLogit(), random.apply("init"));
        weightAdam = new Adam(manager, List.of(params.weights));
        logitAdam = new Adam(manager, List.of(params.logits));
        fixedLogits = fixedLogits(shape, settings.allocation());
        fixedGates = fixedLogits == null ? null : manager.create(gatesOf(fixedLogits),
                new Shape(t, shape.layers(), components));
        batchRng = random.apply("batches");
        noiseRng = random.apply("noise");
    }

    /** ±∞ logits for the fixed allocations (σ gives exactly 1 or 0), null for learned ones. */
    private static float[] fixedLogits(RoutingShape s, Allocation a) {
        if (a == Allocation.LEARNED) {
            return null;
        }
        int c = s.components();
        float[] out = new float[s.tasks() * s.layers() * c];
        for (int t = 0; t < s.tasks(); t++) {
            for (int l = 0; l < s.layers(); l++) {
                for (int k = 0; k < c; k++) {
                    boolean on = a == Allocation.ALL_ON || k == t;
                    out[(t * s.layers() + l) * c + k] = on ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY;
                }
            }
        }
        return out;
    }

    private static float[] gatesOf(float[] logits) {
        float[] g = new float[logits.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = logits[i] > 0 ? 1f : 0f;
        }
        return g;
    }

    RoutingShape shape() {
        return shape;
    }

    List<String> taskNames() {
        return taskNames;
    }

    /** Trains one step at temperature τ, all tasks in one computation. Throws on NaN/∞ (parameters untouched). */
    Outcome step(int step, double tau) {
        return step(step, tau, false);
    }

    /**
     * Trains one step; {@code perTaskLoop} computes the same loss and gradients task by task (one forward and
     * backward pass per task), for the benchmark and for the test that both agree.
     */
    Outcome step(int step, double tau, boolean perTaskLoop) {
        if (closed) {
            throw new IllegalStateException("the trainer is closed");
        }
        int t = shape.tasks();
        try (NDManager m = manager.newSubManager()) {
            weightAdam.tempAttach(m);
            logitAdam.tempAttach(m);
            if (fixedGates != null) {
                fixedGates.tempAttach(m);
            }
            TaskBatches.Batch batch = batches.next(m, batchRng);
            NDArray noise = fixedGates != null ? null : m.create(
                    BinaryGumbel.logisticNoise(noiseRng, t * shape.layers() * shape.components()),
                    new Shape(t, shape.layers(), shape.components()));
            NDArray readBack = DjlDevices.collectGradients(gc -> {
                params.bind(m); // views must be made while gradients are recorded
                NDArray gates;
                NDArray losses;
                if (!perTaskLoop) {
                    gates = gates(null, noise, tau);
                    NDArray out = RoutingForward.outputs(shape, params, batch.x(), gates, params.headW, params.headB);
                    losses = RoutingForward.taskLosses(shape, out, batch, params.noiseLogSd);
                    gc.backward(losses.sum());
                } else {
                    NDList each = new NDList();
                    NDList eachGates = new NDList();
                    for (int k = 0; k < t; k++) {
                        String i = k + ":" + (k + 1);
                        // a graph is freed by its backward pass, so every task samples its own slice of the gates
                        NDArray g = gates(i, noise, tau);
                        eachGates.add(g.stopGradient());
                        TaskBatches.Batch b = new TaskBatches.Batch(batch.x().get(i), batch.target().get(i),
                                batch.mask().get(i), batch.scale().get(i));
                        NDArray out = RoutingForward.outputs(shape, params, b.x(), g, params.headW.get(i),
                                params.headB.get(i));
                        NDArray loss = RoutingForward.taskLosses(shape, out, b, params.noiseLogSd.get(i));
                        gc.backward(loss.sum());
                        each.add(loss.stopGradient());
                    }
                    losses = NDArrays.concat(each);
                    gates = NDArrays.concat(eachGates);
                }
                NDArray active = gates.stopGradient().gte(0.5f).toType(losses.getDataType(), false)
                        .sum(new int[] {2}).min().reshape(1);
                NDArray gradients = params.weights.getGradient().sum().reshape(1);
                NDArray logitGradients = fixedGates != null ? m.zeros(new Shape(1))
                        : params.logits.getGradient().sum().reshape(1);
                return NDArrays.concat(new NDList(losses.stopGradient().sum().reshape(1), losses.stopGradient(),
                        active, gradients, logitGradients));
            });
            float[] v = readBack.toFloatArray();
            double[] perTask = new double[t];
            for (int k = 0; k < t; k++) {
                perTask[k] = v[1 + k];
            }
            for (float f : v) {
                if (!Float.isFinite(f)) {
                    throw new FitFailedException(String.format(Locale.ROOT,
                            "Gumbel-Matrix routing diverged at step %d: %s (loss %s); the parameters of step %d are "
                            + "kept. Try a smaller learningRate.", step, !Float.isFinite(v[0]) ? "the loss is not finite"
                                    : !Float.isFinite(v[v.length - 2]) ? "a gradient of the weights is not finite"
                                    : "a gradient of the allocation logits is not finite", v[0], step - 1));
                }
            }
            weightAdam.update(settings.learningRate(), settings.weightDecay());
            if (fixedGates == null) {
                logitAdam.update(settings.allocationLearningRate());
            }
            version++;
            return new Outcome(step, v[0], perTask, tau, Math.round(v[1 + t]));
        }
    }

    /** This step's gates of all tasks ({@code slice} null) or of a slice of tasks: sampled, or the fixed ones. */
    private NDArray gates(String slice, NDArray noise, double tau) {
        if (fixedGates != null) {
            return slice == null ? fixedGates : fixedGates.get(slice);
        }
        NDArray logits = slice == null ? params.gateLogits : params.gateLogits.get(slice);
        return BinaryGumbel.sample(logits, slice == null ? noise : noise.get(slice), tau, settings.straightThrough());
    }

    /** The allocation logits [T, L, C] row-major (±∞ for the fixed allocations). */
    float[] logits() {
        return fixedLogits != null ? fixedLogits.clone() : params.logitsToJvm();
    }

    /** A copy of the parameters on the JVM. */
    RoutingWeights weights() {
        return new RoutingWeights(params.layout, params.weightsToJvm(), logits());
    }

    RoutingPredictor predictor(RoutingWeights w) {
        return new RoutingPredictor(w, taskNames, batches.targetMean(), batches.targetSd());
    }

    /** The current state as a predictor: copies the parameters only when first asked (valid until the next step). */
    RoutingLiveModel current() {
        lastIssued = new RoutingLiveModel(this, version);
        return lastIssued;
    }

    int version() {
        return version;
    }

    boolean isClosed() {
        return closed;
    }

    /** Freezes the last issued live model (it keeps working after the close), then frees native memory. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (lastIssued != null) {
            lastIssued.freezeAtClose();
        }
        closed = true;
        weightAdam.close();
        logitAdam.close();
        manager.close();
    }
}
