package org.mtlworkbench.model.vmtl;
import org.mtlworkbench.model.djl.Adam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The trainable parameters of a VMTL fit, stacked over tasks so that one step computes every task at once.
 *
 * <p>Storage: two flat vectors that require gradients, one for the network (encoder, classifier posteriors,
 * regression noise) and one for the mixing logits (α and β), each with its own Adam. The named arrays below are
 * views (slice + reshape) made for each step by {@link #bind}; gradients flow through them into the flat vectors.
 * One vector per group keeps an update at a dozen native calls instead of a dozen per parameter.
 *
 * <p>Design: the encoder q(z|x) is a shared trunk h = ELU(x·W + b) with one linear head per task for the mean and
 * the log standard deviation of z. With one head for all tasks, "task i's posterior of z for this x" would be task
 * t's own and the representation prior Σ β q_i(z|x) would collapse to q_t (KL 0, β meaningless); per-task heads
 * keep it informative without needing labels (the official code's alternative, class-conditional related inputs,
 * needs labelled neighbours of every class in every task). All heads start equal, so tasks start in the same
 * latent coordinates and their classifiers are comparable.
 */
final class VmtlParameters {

    /** Initial log sd of z: small, so z starts close to its mean. */
    static final float INIT_LOG_STD_Z = (float) Math.log(0.1);

    final VmtlShape shape;
    /** Flat network parameters (requires gradient). */
    final NDArray network;
    /** Flat mixing logits: α (T×T) then β (T×T) (requires gradient). */
    final NDArray mixing;

    // per-step views (valid after bind, until the step's manager closes)
    NDArray trunkW;
    NDArray trunkB;
    NDArray headMean;
    NDArray headMeanB;
    NDArray headLogStd;
    NDArray headLogStdB;
    NDArray wMean;
    NDArray wLogStd;
    NDArray noiseLogStd;
    /** log σ₀ of each task's null component (used only when it is learned), [T]. */
    NDArray nullLogStd;
    /**
     * log σ₀ of the null component per classifier input (the bias row excepted), one for all tasks and classes
     * (used only when {@code sharedNullScales} is set), [R − 1].
     */
    NDArray nullRowLogStd;
    /** α logits [0] and β logits [1], [2, T, T]. */
    NDArray mixingLogits;

    /** Index in {@code shapes} of the first part after the encoder (the classifier means): the groups' boundary. */
    private static final int FIRST_POSTERIOR = 6;

    private final long[][] shapes;
    private final int[] offsets;

    VmtlParameters(NDManager manager, VmtlShape s, double initStdW, SplittableRandom rng) {
        this(manager, s, initStdW, 1.0, 0.0, rng);
    }

    /**
     * @param initNullStd the initial σ₀ of every task's null component (where it is learned)
     * @param nullStart   the initial α logit of every task's null component (α's diagonal); the others start at 0
     */
    VmtlParameters(NDManager manager, VmtlShape s, double initStdW, double initNullStd, double nullStart,
                   SplittableRandom rng) {
        this.shape = s;
        int t = s.tasks();
        int d = s.inputs();
        int h = s.hidden();
        int hi = s.headInputs();
        int l = s.latent();
        int r = s.classifierRows();
        int c = s.outputs();
        shapes = new long[][] {{d, h}, {h}, {t, hi, l}, {t, 1, l}, {t, hi, l}, {t, 1, l}, {t, r, c}, {t, r, c}, {t}, {t}, {r - 1}};
        offsets = new int[shapes.length + 1];
        for (int i = 0; i < shapes.length; i++) {
            offsets[i + 1] = offsets[i] + (int) new Shape(shapes[i]).size();
        }
        float[] flat = new float[offsets[shapes.length]];
        put(flat, 0, gaussian(rng, d * h, Math.sqrt(1.0 / Math.max(1, d))));
        put(flat, 2, repeat(gaussian(rng, hi * l, Math.sqrt(1.0 / hi)), t));
        put(flat, 5, filled(t * l, INIT_LOG_STD_Z));
        put(flat, 6, repeat(gaussian(rng, r * c, 0.1 * Math.sqrt(1.0 / r)), t));
        put(flat, 7, filled(t * r * c, (float) Math.log(initStdW)));
        put(flat, 9, filled(t, (float) Math.log(initNullStd)));
        put(flat, 10, filled(r - 1, (float) Math.log(initNullStd)));
        network = manager.create(flat, new Shape(flat.length));
        network.setRequiresGradient(true);
        float[] logits = new float[2 * t * t]; // α then β; only α has a null component (its diagonal)
        for (int k = 0; k < t; k++) {
            logits[k * t + k] = (float) nullStart;
        }
        mixing = manager.create(logits, new Shape(2L * t * t));
        mixing.setRequiresGradient(true);
    }

    /**
     * 1 on the encoder (trunk and heads: point estimates, which weight decay regularises), 0 on the classifier
     * posteriors and the noise (their KL to the mixture prior is their regulariser; decaying log σ_w towards 0 would
     * widen every posterior and blur α).
     */
    NDArray decayMask(NDManager manager) {
        float[] mask = new float[offsets[shapes.length]];
        java.util.Arrays.fill(mask, offsets[0], offsets[FIRST_POSTERIOR], 1f);
        return manager.create(mask, new Shape(mask.length));
    }

    /**
     * Adam's per-entry step-size factor: {@code classifierRatio} on the classifier posteriors, the regression noise
     * and σ₀ (everything after the encoder), 1 on the encoder; null where the ratio is 1 (nothing to scale).
     */
    NDArray stepRates(NDManager manager, double classifierRatio) {
        if (classifierRatio == 1.0) {
            return null;
        }
        float[] rate = new float[offsets[shapes.length]];
        java.util.Arrays.fill(rate, offsets[0], offsets[FIRST_POSTERIOR], 1f);
        java.util.Arrays.fill(rate, offsets[FIRST_POSTERIOR], offsets[shapes.length], (float) classifierRatio);
        return manager.create(rate, new Shape(rate.length));
    }

    private void put(float[] flat, int index, float[] values) {
        System.arraycopy(values, 0, flat, offsets[index], values.length);
    }

    /**
     * Moves both vectors into the step's manager until it closes, and makes the named views there. Call it inside
     * the gradient collector: views made outside do not carry gradients back to the vectors.
     */
    void bind(NDManager step) {
        network.tempAttach(step);
        mixing.tempAttach(step);
        // one split rather than a slice per parameter: its backward is one concatenation, where each slice's
        // backward writes a zero vector of the full flat size and autograd adds them all up
        long[] cuts = new long[shapes.length - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = offsets[i + 1];
        }
        ai.djl.ndarray.NDList parts = network.split(cuts);
        trunkW = view(parts, 0);
        trunkB = view(parts, 1);
        headMean = view(parts, 2);
        headMeanB = view(parts, 3);
        headLogStd = view(parts, 4);
        headLogStdB = view(parts, 5);
        wMean = view(parts, 6);
        wLogStd = view(parts, 7);
        noiseLogStd = view(parts, 8);
        nullLogStd = view(parts, 9);
        nullRowLogStd = view(parts, 10);
        int t = shape.tasks();
        mixingLogits = mixing.reshape(2, t, t);
    }

    private NDArray view(ai.djl.ndarray.NDList parts, int index) {
        return parts.get(index).reshape(new Shape(shapes[index]));
    }

    List<NDArray> all() {
        return List.of(network, mixing);
    }

    /** Copies every parameter to the JVM. */
    VmtlWeights copyToJvm() {
        float[] n = network.toFloatArray();
        float[] m = mixing.toFloatArray();
        int tt = shape.tasks() * shape.tasks();
        return new VmtlWeights(shape, part(n, 0), part(n, 1), part(n, 2), part(n, 3), part(n, 4), part(n, 5),
                part(n, 6), part(n, 7), java.util.Arrays.copyOfRange(m, 0, tt),
                java.util.Arrays.copyOfRange(m, tt, 2 * tt), part(n, 8));
    }

    private float[] part(float[] flat, int index) {
        return java.util.Arrays.copyOfRange(flat, offsets[index], offsets[index + 1]);
    }

    /** The learned log σ₀ of every task's null component, on the JVM. */
    float[] nullLogStd() {
        return copyPart(9);
    }

    /** The learned log σ₀ of the null component per classifier input (shared by the tasks), on the JVM. */
    float[] nullRowLogStd() {
        return copyPart(10);
    }

    /** The classifier posterior means [T, R, C], on the JVM. */
    float[] classifierMeans() {
        return copyPart(6);
    }

    /**
     * One part of the flat network copied to the JVM alone (not the whole vector); sliced from a detached handle, so
     * that nothing is recorded on a thread where libtorch's grad mode is on.
     */
    private float[] copyPart(int index) {
        try (NDArray detached = network.stopGradient();
             NDArray slice = detached.get(offsets[index] + ":" + offsets[index + 1])) {
            return slice.toFloatArray();
        }
    }

    float[] mixingLogits() {
        return mixing.toFloatArray();
    }

    private static float[] gaussian(SplittableRandom rng, int n, double sd) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (sd * rng.nextGaussian());
        }
        return out;
    }

    private static float[] repeat(float[] block, int times) {
        float[] out = new float[block.length * times];
        for (int k = 0; k < times; k++) {
            System.arraycopy(block, 0, out, k * block.length, block.length);
        }
        return out;
    }

    private static float[] filled(int n, float v) {
        float[] out = new float[n];
        java.util.Arrays.fill(out, v);
        return out;
    }
}
