package org.mtlworkbench.model.vmtl;

/**
 * A copy on the JVM of every parameter of a VMTL fit, row-major float32 as on the device. Immutable by
 * convention (nobody writes into the arrays after construction).
 *
 * @param trunkW        D×H
 * @param trunkB        H
 * @param headMean      T×H′×L  (per-task head of the encoder: mean of z; H′ = {@link VmtlShape#headInputs()})
 * @param headMeanB     T×L
 * @param headLogStd    T×H′×L  (per-task head: log standard deviation of z)
 * @param headLogStdB   T×L
 * @param wMean         T×R×C  (classifier posterior means; R = L (+ D with the classifier skip) + 1, the last row is the bias)
 * @param wLogStd       T×R×C  (log standard deviations)
 * @param alphaLogits   T×T  (classifier mixing logits)
 * @param betaLogits    T×T  (representation mixing logits)
 * @param noiseLogStd   T (regression: log noise sd, in standardised target units; zeros for classification)
 */
record VmtlWeights(VmtlShape shape, float[] trunkW, float[] trunkB, float[] headMean, float[] headMeanB,
                   float[] headLogStd, float[] headLogStdB, float[] wMean, float[] wLogStd, float[] alphaLogits,
                   float[] betaLogits, float[] noiseLogStd) {

    double[][] alphaLogitMatrix() {
        return square(alphaLogits, shape.tasks());
    }

    double[][] betaLogitMatrix() {
        return square(betaLogits, shape.tasks());
    }

    static double[][] square(float[] flat, int t) {
        double[][] m = new double[t][t];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < t; j++) {
                m[i][j] = flat[i * t + j];
            }
        }
        return m;
    }
}
