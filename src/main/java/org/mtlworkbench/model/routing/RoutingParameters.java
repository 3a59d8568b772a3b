package org.mtlworkbench.model.routing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * The trainable state of a routing fit on the device: one flat weight vector and one vector of allocation logits
 * [T, L, C], each with its own Adam. The named arrays are views made per step by {@link #bind} (inside the gradient
 * collector, so gradients flow back into the flat vectors).
 */
final class RoutingParameters {

    final RoutingLayout layout;
    final NDArray weights;
    final NDArray logits;

    // per-step views (valid after bind, until the step's manager closes)
    NDArray[] layerW;
    NDArray[] layerB;
    NDArray headW;
    NDArray headB;
    NDArray noiseLogSd;
    NDArray gateLogits;

    RoutingParameters(NDManager manager, RoutingLayout layout, double initLogit, SplittableRandom rng) {
        this.layout = layout;
        RoutingShape s = layout.shape();
        float[] flat = layout.initial(rng);
        weights = manager.create(flat, new Shape(flat.length));
        weights.setRequiresGradient(true);
        float[] l0 = new float[s.tasks() * s.layers() * s.components()];
        java.util.Arrays.fill(l0, (float) initLogit);
        logits = manager.create(l0, new Shape(s.tasks(), s.layers(), s.components()));
        logits.setRequiresGradient(true);
    }

    void bind(NDManager step) {
        weights.tempAttach(step);
        logits.tempAttach(step);
        int layers = layout.shape().layers();
        layerW = new NDArray[layers];
        layerB = new NDArray[layers];
        for (int l = 0; l < layers; l++) {
            layerW[l] = view(layout.layerWeights(l));
            layerB[l] = view(layout.layerBias(l));
        }
        headW = view(layout.headWeights());
        headB = view(layout.headBias());
        noiseLogSd = view(layout.noiseLogSd());
        gateLogits = logits;
    }

    private NDArray view(int part) {
        int from = layout.offset(part);
        return weights.get(from + ":" + (from + layout.length(part))).reshape(layout.shapeOf(part));
    }

    float[] weightsToJvm() {
        return weights.toFloatArray();
    }

    float[] logitsToJvm() {
        return logits.toFloatArray();
    }
}
