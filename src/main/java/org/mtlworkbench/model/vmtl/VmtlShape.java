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
 */
record VmtlShape(int tasks, int inputs, int hidden, int latent, int outputs, boolean regression) {

    /** Rows of a classifier: the latent dimensions plus a bias. */
    int classifierRows() {
        return latent + 1;
    }
}
