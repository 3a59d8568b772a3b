package org.mtlworkbench.model.routing;

/**
 * Sizes of one routing network: T tasks, D inputs, L routed layers of C components each (every component of a
 * layer has the same shape), hidden width W, K outputs (classes, or 1 for regression).
 */
record RoutingShape(int tasks, int inputs, int layers, int components, int width, int outputs, boolean regression,
                    HeadKind head) {

    /** Input size of routed layer {@code l} (0-based). */
    int layerIn(int l) {
        return l == 0 ? inputs : width;
    }

    /** Output size of routed layer {@code l}: K for the last one when the head is routed, else W. */
    int layerOut(int l) {
        return head == HeadKind.ROUTED && l == layers - 1 ? outputs : width;
    }

    /** Whether layer {@code l} is followed by a ReLU (all but a routed output layer). */
    boolean activated(int l) {
        return !(head == HeadKind.ROUTED && l == layers - 1);
    }
}
