package org.mtlworkbench.model.routing;

import ai.djl.ndarray.types.Shape;

/**
 * Where each weight array lives in the flat weight vector: for every routed layer l its weights [in, C, out] and
 * biases [C, out] (the C components side by side, so one matrix product computes all of them), then the task heads
 * [T, W, K] and [T, 1, K] (task head only), then the per-task regression noise log sd [T].
 */
final class RoutingLayout {

    private final RoutingShape shape;
    private final long[][] shapes;
    private final int[] offsets;

    RoutingLayout(RoutingShape s) {
        this.shape = s;
        int parts = 2 * s.layers() + 3;
        shapes = new long[parts][];
        int c = s.components();
        for (int l = 0; l < s.layers(); l++) {
            shapes[2 * l] = new long[] {s.layerIn(l), c, s.layerOut(l)};
            shapes[2 * l + 1] = new long[] {c, s.layerOut(l)};
        }
        boolean taskHead = s.head() == HeadKind.TASK;
        shapes[2 * s.layers()] = new long[] {s.tasks(), taskHead ? s.width() : 0, s.outputs()};
        shapes[2 * s.layers() + 1] = new long[] {s.tasks(), 1, taskHead ? s.outputs() : 0};
        shapes[2 * s.layers() + 2] = new long[] {s.tasks()};
        offsets = new int[parts + 1];
        for (int i = 0; i < parts; i++) {
            offsets[i + 1] = offsets[i] + (int) new Shape(shapes[i]).size();
        }
    }

    RoutingShape shape() {
        return shape;
    }

    int size() {
        return offsets[offsets.length - 1];
    }

    int layerWeights(int l) {
        return 2 * l;
    }

    int layerBias(int l) {
        return 2 * l + 1;
    }

    int headWeights() {
        return 2 * shape.layers();
    }

    int headBias() {
        return 2 * shape.layers() + 1;
    }

    int noiseLogSd() {
        return 2 * shape.layers() + 2;
    }

    int offset(int part) {
        return offsets[part];
    }

    int length(int part) {
        return offsets[part + 1] - offsets[part];
    }

    Shape shapeOf(int part) {
        return new Shape(shapes[part]);
    }

    /** Initial weights: He-normal component weights (ReLU), small heads, zero biases and noise log sd. */
    float[] initial(java.util.SplittableRandom rng) {
        float[] flat = new float[size()];
        for (int l = 0; l < shape.layers(); l++) {
            double sd = Math.sqrt((shape.activated(l) ? 2.0 : 1.0) / shape.layerIn(l));
            fill(flat, layerWeights(l), rng, sd);
        }
        fill(flat, headWeights(), rng, Math.sqrt(1.0 / shape.width()));
        return flat;
    }

    private void fill(float[] flat, int part, java.util.SplittableRandom rng, double sd) {
        for (int i = offsets[part]; i < offsets[part + 1]; i++) {
            flat[i] = (float) (sd * rng.nextGaussian());
        }
    }
}
