package org.mtlworkbench.model.vmtl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The trainable parameters of a VMTL fit, stacked over tasks so that one step computes every task at once. They
 * live in a long-lived manager and require gradients.
 *
 * <p>Design: the encoder q(z|x) is a shared trunk h = ELU(x·W + b) with one linear head per task for the mean and
 * the log standard deviation of z. With one head for all tasks, "task i's posterior of z for this x" would be task
 * t's own and the representation prior Σ β q_i(z|x) would collapse to q_t (KL 0, β meaningless); per-task heads
 * keep it informative without needing labels (the official code's alternative, class-conditional related inputs,
 * needs labelled neighbours of every class in every task). All heads start equal, so tasks start in the same
 * latent coordinates and their classifiers are comparable.
 */
final class VmtlParameters {

    final VmtlShape shape;
    final NDArray trunkW;
    final NDArray trunkB;
    final NDArray headMean;
    final NDArray headMeanB;
    final NDArray headLogStd;
    final NDArray headLogStdB;
    final NDArray wMean;
    final NDArray wLogStd;
    final NDArray alphaLogits;
    final NDArray betaLogits;
    /** Regression only (else a constant, not trained). */
    final NDArray noiseLogStd;

    /** Initial log sd of z: small, so z starts close to its mean. */
    static final float INIT_LOG_STD_Z = (float) Math.log(0.1);

    VmtlParameters(NDManager manager, VmtlShape s, double initStdW, SplittableRandom rng) {
        this.shape = s;
        int t = s.tasks();
        int d = s.inputs();
        int h = s.hidden();
        int l = s.latent();
        int p = s.classifierRows() * s.outputs();
        trunkW = param(manager, gaussian(rng, d * h, Math.sqrt(1.0 / Math.max(1, d))), d, h);
        trunkB = param(manager, new float[h], h);
        headMean = param(manager, repeat(gaussian(rng, h * l, Math.sqrt(1.0 / h)), t), t, h, l);
        headMeanB = param(manager, new float[t * l], t, 1, l);
        headLogStd = param(manager, new float[t * h * l], t, h, l);
        headLogStdB = param(manager, filled(t * l, INIT_LOG_STD_Z), t, 1, l);
        wMean = param(manager, repeat(gaussian(rng, p, 0.1 * Math.sqrt(1.0 / s.classifierRows())), t), t,
                s.classifierRows(), s.outputs());
        wLogStd = param(manager, filled(t * p, (float) Math.log(initStdW)), t, s.classifierRows(), s.outputs());
        alphaLogits = param(manager, new float[t * t], t, t);
        betaLogits = param(manager, new float[t * t], t, t);
        noiseLogStd = manager.create(new float[t], new Shape(t));
        if (s.regression()) {
            noiseLogStd.setRequiresGradient(true);
        }
    }

    /** Encoder, classifier and noise parameters: the group with the main learning rate. */
    List<NDArray> network() {
        List<NDArray> list = new java.util.ArrayList<>(List.of(trunkW, trunkB, headMean, headMeanB, headLogStd,
                headLogStdB, wMean, wLogStd));
        if (shape.regression()) {
            list.add(noiseLogStd);
        }
        return list;
    }

    /** The mixing logits of α and β: the group with its own learning rate. */
    List<NDArray> mixing() {
        return List.of(alphaLogits, betaLogits);
    }

    List<NDArray> all() {
        List<NDArray> list = new java.util.ArrayList<>(network());
        list.addAll(mixing());
        if (!shape.regression()) {
            list.add(noiseLogStd);
        }
        return list;
    }

    /** Moves every parameter into {@code step} until it closes (so temporaries they create are closed with it). */
    void tempAttach(NDManager step) {
        for (NDArray a : all()) {
            a.tempAttach(step);
        }
    }

    /** Copies every parameter to the JVM. */
    VmtlWeights copyToJvm() {
        return new VmtlWeights(shape, trunkW.toFloatArray(), trunkB.toFloatArray(), headMean.toFloatArray(),
                headMeanB.toFloatArray(), headLogStd.toFloatArray(), headLogStdB.toFloatArray(),
                wMean.toFloatArray(), wLogStd.toFloatArray(), alphaLogits.toFloatArray(), betaLogits.toFloatArray(),
                noiseLogStd.toFloatArray());
    }

    private static NDArray param(NDManager m, float[] values, long... dims) {
        NDArray a = m.create(values, new Shape(dims));
        a.setRequiresGradient(true);
        return a;
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
