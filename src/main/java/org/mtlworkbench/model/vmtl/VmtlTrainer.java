package org.mtlworkbench.model.vmtl;
import org.mtlworkbench.model.djl.TaskBatches;
import org.mtlworkbench.model.djl.Adam;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.model.FitFailedException;
import org.mtlworkbench.numeric.DjlDevices;

/**
 * Owns the native state of one VMTL fit (parameters, Adam moments, data) in a long-lived manager and runs steps:
 * every step's tensors live in a sub-manager closed at the end of the step, so native memory stays flat. A
 * non-finite loss or gradient stops the fit before the update, so the parameters stay those of the last good
 * step. Not thread-safe: one thread drives it.
 */
final class VmtlTrainer implements AutoCloseable {

    /** What one step computed, read back to the JVM. */
    record Outcome(int step, double total, double likelihood, double klZ, double klW, double logitPrior,
                   double tau, double lambdaW, double lambdaZ, int skippedSteps) {
    }

    private final VmtlSettings settings;
    private final VmtlShape shape;
    private final NDManager manager;
    private final Device device;
    private final VmtlParameters params;
    private final Adam networkAdam;
    private final Adam mixingAdam;
    private final GradientClip networkClip = new GradientClip();
    private final GradientClip mixingClip = new GradientClip();
    /** After this many updates skipped in a row (non-finite gradient) the fit stops. */
    static final int MAX_SKIPPED_IN_A_ROW = 10;
    private int skippedInARow;
    /** Test hook: steps at which the network's gradient is made non-finite after the backward pass. */
    java.util.function.IntPredicate gradientFault = step -> false;
    private int skipped;
    private final TaskBatches batches;
    private final NDArray offDiagonal;
    private final NDArray decayMask;
    /** Adam's per-entry step-size factor (the classifier's own learning rate), null where it is 1 everywhere. */
    private final NDArray stepRates;
    /** Per task, the training frequency of each class when the likelihood is class-balanced, else null. */
    private final double[][] classFrequencies;
    /** Class-balanced likelihood weights [T, C], or null when not balancing. */
    private final NDArray classWeights;
    private final SplittableRandom batchRng;
    private final SplittableRandom noiseRng;
    /** The step's Gaussian noise, drawn into the same arrays every step (m.create copies them). */
    private float[] epsZ;
    private float[] epsW;
    /** This step's Gumbel noise for α and β, [2, T, T] row-major. */
    private float[] gumbel;
    /** Whether batched steps use {@link ManualGradients} (else autograd on {@link VmtlObjective}). */
    private final boolean manualGradients;
    /** The compiled hand-written step (null on the autograd path). */
    private final org.mtlworkbench.model.djl.ScriptModule script;
    private final int[] rows;
    private final java.util.List<String> taskNames;
    /** Names of the classifier rows before the bias: z1…zL, then (with the classifier skip) the inputs. */
    private final java.util.List<String> classifierRowNames;
    private final long seed;
    /** libtorch intra-op threads for this fit's steps on the CPU, 0 on a GPU ({@link StepThreads}). */
    private final int threads;
    private int version;
    private VmtlLiveModel lastIssued;
    private boolean closed;

    VmtlTrainer(MultiTaskDataset data, VmtlSettings settings, long seed, java.util.function.Function<String,
            SplittableRandom> random) {
        if (data.taskCount() < 2) {
            throw new FitFailedException("VMTL needs at least two tasks (each task's prior mixes the others), "
                    + "the data set has " + data.taskCount());
        }
        this.settings = settings;
        this.taskNames = data.taskNames();
        java.util.List<String> rowNames = new java.util.ArrayList<>();
        for (int k = 1; k <= settings.latent(); k++) {
            rowNames.add("z" + k);
        }
        if (settings.classifierSkip()) {
            rowNames.addAll(data.featureNames());
        }
        this.classifierRowNames = java.util.List.copyOf(rowNames);
        this.seed = seed;
        boolean regression = !data.isClassification();
        shape = new VmtlShape(data.taskCount(), data.featureCount(), settings.hidden(), settings.latent(),
                regression ? 1 : data.classCount(), regression, settings.skip(), settings.classifierSkip());
        device = DjlDevices.preferredDevice();
        manager = DjlDevices.engine().newBaseManager(device);
        batches = new TaskBatches(data, settings.batchSize());
        rows = new int[shape.tasks()];
        for (int t = 0; t < rows.length; t++) {
            rows[t] = batches.rows(t);
        }
        params = new VmtlParameters(manager, shape, settings.initStdW(),
                settings.nullStd() > 0 ? settings.nullStd() : 1.0, settings.nullStd() > 0 ? settings.nullStart() : 0,
                random.apply("init"));
        networkAdam = new Adam(manager, java.util.List.of(params.network));
        mixingAdam = new Adam(manager, java.util.List.of(params.mixing));
        float[] off = new float[shape.tasks() * shape.tasks()];
        for (int i = 0; i < shape.tasks(); i++) {
            for (int j = 0; j < shape.tasks(); j++) {
                off[i * shape.tasks() + j] = i == j ? 0f : 1f;
            }
        }
        offDiagonal = manager.create(off, new Shape(shape.tasks(), shape.tasks()));
        decayMask = params.decayMask(manager);
        stepRates = params.stepRates(manager, settings.classifierRate() / settings.learningRate());
        classFrequencies = shape.regression() || !settings.balancedClasses() ? null
                : ClassBalance.frequencies(data);
        classWeights = classFrequencies == null ? null
                : manager.create(ClassBalance.weights(classFrequencies),
                        new Shape(shape.tasks(), shape.outputs()));
        batchRng = random.apply("batches");
        noiseRng = random.apply("noise");
        threads = device.isGpu() ? 0 : StepThreads.forStep(shape, batches.batchRows(), settings.samples());
        manualGradients = ManualGradients.supports(settings) && !Boolean.getBoolean(AUTOGRAD_PROPERTY);
        script = manualGradients ? ManualGradients.script() : null;
    }

    /** System property: set to true, batched steps run autograd even where the hand-written gradients apply. */
    static final String AUTOGRAD_PROPERTY = "mtlwb.vmtl.autograd";

    VmtlShape shape() {
        return shape;
    }

    Device device() {
        return device;
    }

    TaskBatches batches() {
        return batches;
    }

    /** Trains one step at temperature τ, all tasks in one computation. Throws on NaN/∞ (parameters untouched). */
    Outcome step(int step, double tau) {
        return step(step, tau, false);
    }

    /**
     * Trains one step; {@code perTaskLoop} computes the same loss and gradients task by task (one forward and
     * backward pass per task, as the reference implementations do) instead of batched, for the benchmark and
     * for the test that both agree.
     */
    Outcome step(int step, double tau, boolean perTaskLoop) {
        if (closed) {
            throw new IllegalStateException("the trainer is closed");
        }
        double lambdaZ = settings.klSchedule().weightZ(step, settings.klWeightZ(), settings.klWarmupSteps());
        float[] lambdaW = new float[shape.tasks()];
        double lambdaWMean = 0;
        for (int t = 0; t < lambdaW.length; t++) {
            lambdaW[t] = (float) settings.klSchedule().weightW(step, settings.klWeightW(), settings.klWarmupSteps(),
                    rows[t]);
            lambdaWMean += lambdaW[t] / lambdaW.length;
        }
        if (threads > 0) {
            DjlDevices.useIntraOpThreads(threads); // per calling thread: set where the step runs
        }
        DjlDevices.noGradients(); // per thread too; the autograd step turns recording on inside its collector
        try (NDManager m = manager.newSubManager()) {
            networkAdam.tempAttach(m);
            mixingAdam.tempAttach(m);
            offDiagonal.tempAttach(m);
            decayMask.tempAttach(m);
            if (stepRates != null) {
                stepRates.tempAttach(m);
            }
            if (classWeights != null) {
                classWeights.tempAttach(m);
            }
            TaskBatches.Batch batch = batches.next(m, batchRng, settings.inputDropout());
            // the hand-written step mixes α and β on the JVM: its Gumbel noise need not go to the device
            VmtlObjective.Noise noise = noise(m, perTaskLoop || !manualGradients);
            NDArray lw = m.create(lambdaW, new Shape(shape.tasks()));
            float[] v;
            java.util.List<NDArray> networkGradient = null;
            java.util.List<NDArray> mixingGradient = null;
            if (!perTaskLoop && manualGradients) {
                ManualStep ms = manualStep(m, step, batch, noise, tau, lw, lambdaW, lambdaZ);
                v = ms.values();
                networkGradient = java.util.List.of(ms.network());
                mixingGradient = java.util.List.of(ms.mixing());
            } else {
                v = autogradStep(m, step, batch, noise, tau, lw, lambdaZ, perTaskLoop);
            }
            boolean lossFinite = finite(java.util.Arrays.copyOf(v, 5));
            if (!lossFinite || skippedInARow + 1 >= MAX_SKIPPED_IN_A_ROW && !finite(v)) {
                throw new FitFailedException(String.format(java.util.Locale.ROOT,
                        "VMTL diverged at step %d: %s (negative ELBO %s, likelihood %s, KL(z) %s, KL(w) %s); "
                        + "the parameters of step %d are kept. Try a smaller learningRate or a larger minStd.",
                        step, !lossFinite ? "the loss is not finite"
                                : "the gradient has not been finite for " + MAX_SKIPPED_IN_A_ROW + " steps in a row",
                        v[0], v[1], v[2], v[3], step - 1 - skippedInARow));
            }
            if (!finite(v)) {
                // a finite loss with a non-finite (or float-overflowing) gradient: skip this step's update, as
                // loss-scaling optimisers do, rather than end the fit or let one draw poison Adam's moments
                skippedInARow++;
                skipped++;
                if (networkGradient == null) {
                    zeroGradients();
                }
                return new Outcome(step, v[0], v[1], v[2], v[3], v[4], tau, lambdaWMean, lambdaZ, skipped);
            }
            skippedInARow = 0;
            Outcome o = new Outcome(step, v[0], v[1], v[2], v[3], v[4], tau, lambdaWMean, lambdaZ, skipped);
            networkAdam.update(settings.learningRate(), settings.weightDecay(), decayMask,
                    (float) networkClip.scale(Math.sqrt(v[5])), networkGradient,
                    stepRates == null ? null : java.util.List.of(stepRates));
            mixingAdam.update(settings.mixingLearningRate(), 0, null, (float) mixingClip.scale(Math.sqrt(v[6])),
                    mixingGradient);
            version++;
            return o;
        }
    }

    /**
     * The autograd step (batched or the per-task loop): loss and gradients through the recorded graph of
     * {@link VmtlObjective}; the gradients stay on the parameters. Returns the total, the per-task means of the
     * likelihood, KL(z), KL(w) and the logit prior, and the squared norms of the network's and the logits' gradients.
     */
    private float[] autogradStep(NDManager m, int step, TaskBatches.Batch batch, VmtlObjective.Noise noise,
                                 double tau, NDArray lw, double lambdaZ, boolean perTaskLoop) {
        NDArray readBack = DjlDevices.collectGradients(gc -> {
            params.bind(m); // views must be made while gradients are recorded
            if (!perTaskLoop) {
                VmtlObjective.Terms terms = compute(batch, noise, tau, lw, lambdaZ, offDiagonal, classWeights, -1);
                gc.backward(terms.total());
                if (gradientFault.test(step)) {
                    params.network.getGradient().muli(Float.NaN);
                }
                NDArray means = VmtlObjective.stack(terms.nll(), terms.klZ(), terms.klW(), terms.logitPrior())
                        .mean(new int[] {1});
                return ai.djl.ndarray.NDArrays.concat(new ai.djl.ndarray.NDList(terms.total().reshape(1), means,
                        gradientSum(params.network.getGradient(), params.mixing.getGradient())));
            }
            NDArray[] sums = new NDArray[5];
            for (int t = 0; t < shape.tasks(); t++) {
                String i = t + ":" + (t + 1);
                TaskBatches.Batch b = new TaskBatches.Batch(batch.x().get(i), batch.target().get(i),
                        batch.mask().get(i), batch.scale().get(i));
                VmtlObjective.Noise n = new VmtlObjective.Noise(noise.epsZ().get(":," + i),
                        noise.epsW().get(":," + i), noise.gumbel().get(":," + i));
                VmtlObjective.Terms terms = compute(b, n, tau, lw.get(i), lambdaZ, offDiagonal.get(i),
                        classWeights == null ? null : classWeights.get(i), t);
                gc.backward(terms.total());
                NDArray[] now = {terms.total(), terms.nll().sum(), terms.klZ().sum(), terms.klW().sum(),
                    terms.logitPrior().sum()};
                for (int k = 0; k < now.length; k++) {
                    sums[k] = sums[k] == null ? now[k].stopGradient() : sums[k].add(now[k].stopGradient());
                }
            }
            float perTask = 1f / shape.tasks();
            return VmtlObjective.stack(sums[0], sums[1].mul(perTask), sums[2].mul(perTask),
                    sums[3].mul(perTask), sums[4].mul(perTask))
                    .concat(gradientSum(params.network.getGradient(), params.mixing.getGradient()));
        });
        return readBack.toFloatArray();
    }

    /** What a step with the hand-written gradients computed: the values of {@link #autogradStep}, and the gradients. */
    private record ManualStep(float[] values, NDArray network, NDArray mixing) {
    }

    /**
     * The batched step with {@link ManualGradients}: α and β are drawn on the JVM from the logits (read back once),
     * the native side computes everything else and one read-back brings the per-task terms, the pairwise KLs and
     * ∂loss/∂β, from which the JVM finishes the loss and the logits' gradient.
     */
    private ManualStep manualStep(NDManager m, int step, TaskBatches.Batch batch, VmtlObjective.Noise noise,
                                  double tau, NDArray lw, float[] lambdaW, double lambdaZ) {
        int t = shape.tasks();
        boolean nullComponent = settings.nullStd() > 0;
        float[] logits = params.mixingLogits();
        double[][][] mix = {draw(logits, 0, tau, nullComponent), draw(logits, 1, tau, false)};
        NDArray weights = m.create(ManualGradients.flatten(mix), new Shape(2, t, t));
        ManualGradients.Scripted sc = ManualGradients.compute(script, params, batch, noise, weights, lw,
                (float) lambdaZ, (float) settings.minStd(), (float) settings.minStdZ(), offDiagonal,
                new VmtlObjective.Extensions(classWeights, (float) settings.nullStd(), settings.learnNullStd(),
                        settings.sharedNullScales()));
        NDArray g = sc.network(); // an inference tensor: no graph can hang on it, whatever the thread's grad mode
        float[] r = sc.readBack().toFloatArray();
        if (gradientFault.test(step)) {
            g = g.mul(Float.NaN); // not in place: the script's results are inference tensors
            r[r.length - 1] = Float.NaN; // the squared norm read back with it
        }
        ManualGradients.Finished f = ManualGradients.finish(r, mix, logits, lambdaW, lambdaZ, tau,
                (float) settings.logitDecay());
        return new ManualStep(f.values(), g, m.create(f.mixingGradient(), new Shape(f.mixingGradient().length)));
    }

    /** Block {@code k} (0 = α, 1 = β) of the mixing weights from the logits and this step's Gumbel noise. */
    private double[][] draw(float[] logits, int k, double tau, boolean withDiagonal) {
        int t = shape.tasks();
        int tt = t * t;
        return GumbelSoftmax.mix(VmtlWeights.square(java.util.Arrays.copyOfRange(logits, k * tt, (k + 1) * tt), t),
                VmtlWeights.square(java.util.Arrays.copyOfRange(gumbel, k * tt, (k + 1) * tt), t), tau, withDiagonal);
    }

    private VmtlObjective.Terms compute(TaskBatches.Batch batch, VmtlObjective.Noise noise, double tau, NDArray lw,
                                        double lambdaZ, NDArray off, NDArray weights, int task) {
        return VmtlObjective.compute(params, batch, noise, tau, lw, (float) lambdaZ, settings.klEstimator(),
                (float) settings.minStd(), (float) settings.minStdZ(), off, (float) settings.logitDecay(), task,
                new VmtlObjective.Extensions(weights, (float) settings.nullStd(), settings.learnNullStd(),
                        settings.sharedNullScales()));
    }

    /** The squared norms of the network's and the mixing logits' gradients (non-finite if any entry is). */
    private static NDArray gradientSum(NDArray g, NDArray h) {
        return VmtlObjective.stack(g.dot(g), h.dot(h));
    }

    /** Sets both gradients to zero in place (subtracting them would leave NaN where they hold ∞ or NaN). */
    private void zeroGradients() {
        for (NDArray p : params.all()) {
            p.getGradient().set(new float[Math.toIntExact(p.size())]);
        }
    }

    private static boolean finite(float[] v) {
        for (float f : v) {
            if (!Float.isFinite(f)) {
                return false;
            }
        }
        return true;
    }

    private VmtlObjective.Noise noise(NDManager m, boolean gumbelOnDevice) {
        int s = settings.samples();
        int t = shape.tasks();
        int b = batches.batchRows();
        int l = shape.latent();
        epsZ = gaussians(epsZ, s * t * b * l);
        epsW = gaussians(epsW, s * t * shape.classifierRows() * shape.outputs());
        gumbel = GumbelSoftmax.noise(noiseRng, t, 2); // drawn either way: both paths use the same random stream
        return new VmtlObjective.Noise(m.create(epsZ, new Shape(s, t, b, l)),
                m.create(epsW, new Shape(s, t, shape.classifierRows(), shape.outputs())),
                gumbelOnDevice ? m.create(gumbel, new Shape(2, t, t)) : null);
    }

    /** Fills {@code reuse} (or a new array when it is null or of another size) with n standard normals. */
    private float[] gaussians(float[] reuse, int n) {
        float[] out = reuse != null && reuse.length == n ? reuse : new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) noiseRng.nextGaussian();
        }
        return out;
    }

    /** The mixing logits, α (T×T) then β (T×T), row-major. */
    float[] mixingLogits() {
        return params.mixingLogits();
    }

    /** A copy of the parameters on the JVM. */
    VmtlWeights weights() {
        return params.copyToJvm();
    }

    /**
     * The current state as a predictor, cheap to make: it copies the parameters only when first asked to predict
     * (valid until the next step), and is frozen with its own copy when the trainer closes.
     */
    VmtlLiveModel current(double tau) {
        lastIssued = new VmtlLiveModel(this, version, tau);
        return lastIssued;
    }

    java.util.List<String> taskNames() {
        return taskNames;
    }

    long seed() {
        return seed;
    }

    /** A JVM predictor over {@code w}. */
    VmtlPredictor predictor(VmtlWeights w, double tau) {
        return new VmtlPredictor(w, taskNames, settings.predictSamples(), settings.minStd(), settings.minStdZ(), tau,
                batches.targetMean(), batches.targetSd(), seed,
                classFrequencies == null ? null : ClassBalance.logPriorShift(classFrequencies), inputScales());
    }

    int version() {
        return version;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * σ₀ of the null component per classifier row (the latent dimensions, then with the classifier skip the inputs;
     * the bias row excepted), as learned where {@code sharedNullScales} is set: the tasks' shared view of which inputs
     * matter.
     */
    float[] nullRowStd() {
        float[] s = params.nullRowLogStd();
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) Math.exp(s[i]);
        }
        return s;
    }

    /**
     * The shared σ₀ per classifier input as a view (precision 1/σ₀², with each task's posterior-mean weight norm per
     * input), or null where the scales are not learned together.
     */
    org.mtlworkbench.relatedness.GroupSparsity inputScales() {
        if (!settings.sharedNullScales() || settings.nullStd() <= 0) {
            return null;
        }
        float[] sd = nullRowStd();
        float[] means = params.classifierMeans();
        int t = shape.tasks();
        int r = shape.classifierRows();
        int c = shape.outputs();
        double[] precision = new double[r - 1];
        double[][] norms = new double[t][r - 1];
        for (int row = 0; row < r - 1; row++) {
            precision[row] = 1.0 / ((double) sd[row] * sd[row]);
            for (int k = 0; k < t; k++) {
                double sq = 0;
                for (int o = 0; o < c; o++) {
                    double m = means[(k * r + row) * c + o];
                    sq += m * m;
                }
                norms[k][row] = Math.sqrt(sq);
            }
        }
        return new org.mtlworkbench.relatedness.GroupSparsity(VmtlPredictor.SCALES_TITLE, classifierRowNames,
                precision, taskNames, norms);
    }

    VmtlSettings settings() {
        return settings;
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
        if (script != null) {
            script.close();
        }
        networkAdam.close();
        mixingAdam.close();
        manager.close();
    }
}
