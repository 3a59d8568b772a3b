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
 */
record VmtlShape(int tasks, int inputs, int hidden, int latent, int outputs, boolean regression, boolean skip) {

    VmtlShape(int tasks, int inputs, int hidden, int latent, int outputs, boolean regression) {
        this(tasks, inputs, hidden, latent, outputs, regression, false);
    }

    /** Width of what the task heads read: the trunk's H outputs, then (with the skip) the D inputs. */
    int headInputs() {
        return hidden + (skip ? inputs : 0);
    }

    /** Rows of a classifier: the latent dimensions plus a bias. */
    int classifierRows() {
        return latent + 1;
    }
}
