package org.mtlworkbench.model.vmtl;

/**
 * The sizes of one VMTL fit.
 *
 * @param tasks    T
 * @param inputs   D, features per row
 * @param hidden   H, width of the shared trunk
 * @param latent   L, dimension of z
 * @param outputs  C, classes (classification) or 1 (regression)
 * @param regression whether the likelihood is Gaussian (else softmax)
 * @param skip     whether the task heads also see the inputs themselves (a linear path next to the trunk)
 * @param classifierSkip whether the classifiers read [z, x]: Bayesian linear weights on the inputs beside z
 */
record VmtlShape(int tasks, int inputs, int hidden, int latent, int outputs, boolean regression, boolean skip,
                 boolean classifierSkip) {

    VmtlShape(int tasks, int inputs, int hidden, int latent, int outputs, boolean regression) {
        this(tasks, inputs, hidden, latent, outputs, regression, false);
    }

    VmtlShape(int tasks, int inputs, int hidden, int latent, int outputs, boolean regression, boolean skip) {
        this(tasks, inputs, hidden, latent, outputs, regression, skip, false);
    }

    /** Width of what the task heads read: the trunk's H outputs, then (with the skip) the D inputs. */
    int headInputs() {
        return hidden + (skip ? inputs : 0);
    }

    /** Rows of a classifier: the latent dimensions, then (with the classifier skip) the D inputs, then a bias. */
    int classifierRows() {
        return latent + (classifierSkip ? inputs : 0) + 1;
    }
}
