package org.mtlworkbench.model.vmtl;

import ai.djl.ndarray.NDArray;
import org.mtlworkbench.model.djl.ScriptModule;
import org.mtlworkbench.model.djl.TaskBatches;

/**
 * The batched VMTL loss of {@link VmtlObjective} (pairwise KL estimator) with its gradients written out by hand: one
 * forward and one backward pass of about 240 tensor ops, no autograd graph (decision 0035), compiled by libtorch
 * from {@code VmtlStep.torchscript} and run in one call from the JVM (decision 0036). Through DJL each op was its
 * own JNI call with a Java object and a manager entry per result, about three times an op's cost inside libtorch's
 * interpreter; autograd ran about 340 calls a step.
 *
 * <p>Split of the work: the T×T parts (the Gumbel-softmax weights, the mixture weights' gradients, the logit prior)
 * are computed on the JVM in double precision ({@link #finish}); the script takes α and β as plain arrays and
 * returns ∂loss/∂α (the pairwise KLs) and ∂loss/∂β with the network's flat gradient. The caller turns autograd off
 * on its thread first ({@code DjlDevices.noGradients}: libtorch's grad mode is per thread and on by default); the
 * script detaches the parameters as well.
 *
 * <p>{@code VmtlManualGradientsTest} checks loss and gradients against autograd on {@link VmtlObjective} for every
 * supported option; the moment-matched estimators still run through autograd.
 */
final class ManualGradients {

    private static final float E_MAX = (float) Math.exp(LogStd.MAX);
    private static final float LOG_2PI = (float) Math.log(2 * Math.PI);

    private ManualGradients() {
    }

    /** Whether the hand-written gradients cover these settings (else the step runs autograd). */
    static boolean supports(VmtlSettings s) {
        return s.klEstimator() == KlEstimator.PAIRWISE;
    }

    /** Compiles the step ({@code VmtlStep.torchscript}); close it with the trainer. */
    static ScriptModule script() {
        return ScriptModule.fromResource(ManualGradients.class, "VmtlStep.torchscript", "VmtlStep");
    }

    /**
     * What the script computed, before the JVM adds the mixing terms.
     *
     * @param network  ∂loss/∂(flat network parameters), in {@link VmtlParameters}' layout, without weight decay (an
     *                 inference tensor: libtorch refuses in-place changes to it)
     * @param readBack [likelihood term (T), KL(z) (T), KL(q_t(w) ‖ component i) (T·T, row t, component i; the
     *                 diagonal is the null component's), ∂loss/∂β (T·T, up to a constant per row, which the softmax
     *                 rows do not see), squared norm of the network gradient]
     */
    record Scripted(NDArray network, NDArray readBack) {
    }

    /**
     * The loss terms and gradients of every task at once.
     *
     * @param mix     the sampled α and β, [2, T, T] (rows sum to 1; with the null component α's diagonal is the null
     *                weight)
     * @param lambdaW λ_w per task [T]
     * @param ext     the extensions (class weights, null component)
     */
    static Scripted compute(ScriptModule script, VmtlParameters p, TaskBatches.Batch batch, VmtlObjective.Noise noise,
                            NDArray mix, NDArray lambdaW, float lambdaZ, float minStd, float minStdZ,
                            NDArray offDiagonal, VmtlObjective.Extensions ext) {
        VmtlShape s = p.shape;
        long[] sizes = {s.tasks(), s.inputs(), s.hidden(), s.headInputs(), s.latent(), s.classifierRows(),
            s.outputs()};
        boolean[] flags = {s.regression(), s.skip(), s.classifierSkip(), ext.classWeights() != null,
            ext.nullStd() > 0, ext.learnNullStd(), ext.sharedNullScales()};
        double[] reals = {lambdaZ, minStd, minStdZ, ext.nullStd(), E_MAX, LogStd.MAX, LogStd.MIN_NOISE, LOG_2PI,
            VmtlObjective.NULL_BIAS_STD * VmtlObjective.NULL_BIAS_STD};
        // the script's argument list is fixed: without class weights it gets (and ignores) another [T] tensor
        NDArray classWeights = ext.classWeights() == null ? batch.scale() : ext.classWeights();
        NDArray[] out = script.run("forward", batch.x().getManager(), p.network, batch.x(), batch.target(),
                batch.mask(), batch.scale(), noise.epsZ(), noise.epsW(), mix, lambdaW, offDiagonal, classWeights,
                sizes, flags, reals);
        return new Scripted(out[0], out[1]);
    }

    /**
     * The step's values as the trainer reports them (the total, the per-task means of the likelihood, KL(z), KL(w)
     * and the logit prior, the squared norms of the network's and the logits' gradients) and the logits' gradient.
     */
    record Finished(float[] values, float[] mixingGradient) {
    }

    /**
     * Finishes a step on the JVM from the native read-back {@code r} = [nll (T), KL(z) (T), pairwise KL(w) (T·T),
     * ∂loss/∂β (T·T), squared norm of the network gradient]: KL(w)_t = Σᵢ α_ti KL_ti, the logit prior, the total
     * (1/T) Σ_t (nll + λ_z KL(z) + λ_w,t KL(w) + prior), and the logits' gradient through the Gumbel-softmax.
     *
     * @param mix the α and β used, [2][T][T]
     */
    static Finished finish(float[] r, double[][][] mix, float[] logits, float[] lambdaW, double lambdaZ, double tau,
                           float logitDecay) {
        int t = mix[0].length;
        double[][][] mixGradient = new double[2][t][t];
        double nll = 0;
        double klZ = 0;
        double klW = 0;
        double prior = 0;
        double total = 0;
        for (int row = 0; row < t; row++) {
            double klWRow = 0;
            double priorRow = 0;
            for (int c = 0; c < t; c++) {
                double pair = r[2 * t + row * t + c];
                klWRow += mix[0][row][c] * pair;
                mixGradient[0][row][c] = pair * lambdaW[row] / t;
                mixGradient[1][row][c] = r[2 * t + t * t + row * t + c];
                double a = logits[row * t + c];
                double b = logits[t * t + row * t + c];
                priorRow += 0.5 * logitDecay * (a * a + b * b);
            }
            nll += r[row];
            klZ += r[t + row];
            klW += klWRow;
            prior += priorRow;
            total += r[row] + lambdaZ * r[t + row] + lambdaW[row] * klWRow + priorRow;
        }
        float[] mixing = mixingGradient(mix, mixGradient, logits, tau, logitDecay);
        double mixingNorm = 0;
        for (float f : mixing) {
            mixingNorm += (double) f * f;
        }
        float[] values = {(float) (total / t), (float) (nll / t), (float) (klZ / t), (float) (klW / t),
            (float) (prior / t), r[r.length - 1], (float) mixingNorm};
        return new Finished(values, mixing);
    }

    /**
     * The gradient of the mixing logits (α block then β block, row-major, as {@code VmtlParameters.mixing}) from
     * ∂loss/∂α and ∂loss/∂β through the Gumbel-softmax rows at temperature τ, plus the logit prior's ½·decay·logit²
     * per task (the total is divided by T): ∂/∂logit_tj = (1/τ) m_tj (g_tj − Σ_k m_tk g_tk) + decay·logit_tj / T.
     */
    static float[] mixingGradient(double[][][] weights, double[][][] weightGradients, float[] logits, double tau,
                                  float logitDecay) {
        int t = weights[0].length;
        float[] out = new float[2 * t * t];
        for (int k = 0; k < 2; k++) {
            for (int r = 0; r < t; r++) {
                double dot = 0;
                for (int c = 0; c < t; c++) {
                    dot += weights[k][r][c] * weightGradients[k][r][c];
                }
                for (int c = 0; c < t; c++) {
                    int i = (k * t + r) * t + c;
                    double softmax = weights[k][r][c] * (weightGradients[k][r][c] - dot) / tau;
                    out[i] = (float) (softmax + logitDecay * logits[i] / t);
                }
            }
        }
        return out;
    }

    /** α and β, [2][T][T], as one row-major float block for the device. */
    static float[] flatten(double[][][] mix) {
        int t = mix[0].length;
        float[] out = new float[2 * t * t];
        for (int k = 0; k < 2; k++) {
            for (int r = 0; r < t; r++) {
                for (int c = 0; c < t; c++) {
                    out[(k * t + r) * t + c] = (float) mix[k][r][c];
                }
            }
        }
        return out;
    }
}
