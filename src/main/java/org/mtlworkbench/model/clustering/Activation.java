package org.mtlworkbench.model.clustering;

import java.util.List;

/** The shared feature map's non-linearity g in h = [g(W [x; 1]); 1], or NONE for h = [x; 1] (no W learned). */
enum Activation {
    TANH("tanh"),
    LINEAR("linear"),
    /** The inputs themselves: the plain linear hierarchical Bayes model, nothing shared but the prior. */
    NONE("none");

    final String id;

    Activation(String id) {
        this.id = id;
    }

    static List<String> ids() {
        return List.of(TANH.id, LINEAR.id, NONE.id);
    }

    static Activation of(String id) {
        for (Activation a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + id + "'; known: " + ids());
    }
}
