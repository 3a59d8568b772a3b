package org.mtlworkbench.model.vmtl;
import org.mtlworkbench.model.djl.Scalars;
import org.mtlworkbench.model.djl.TaskBatches;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * The VMTL loss for one step, all tasks at once (ALGORITHMS.md §5.2): per task t,
 * <pre>
 *   NLL_t  = N_t/n_t · Σ_rows (1/S) Σ_s −log p(y | z_s, w_s)
 *   KLz_t  = N_t/n_t · Σ_rows KL(q_t(z|x) ‖ Σ_{i≠t} β_ti q_i(z|x))
 *   KLw_t  = KL(q_t(w) ‖ Σ_{i≠t} α_ti q_i(w))
 *   loss   = (1/T) Σ_t (NLL_t + λ_z KLz_t + λ_w,t KLw_t)
 * </pre>
 * with α, β Gumbel-softmax samples and the neighbours' posteriors taken from the previous iteration, i.e. the
 * current values with gradients stopped (as in the official code). One weight sample per z sample (M = 1 per z,
 * as in the official code); the mixture KLs per {@link KlEstimator}.
 */
final class VmtlObjective {

    private static final float LOG_2PI = (float) Math.log(2 * Math.PI);
    /**
     * Standard deviation of the null component on the classifier's bias row, whatever σ₀ is: an intercept of about
     * −2.2 (10 % positives) under N(0, σ₀²) with σ₀ near 1 is pulled towards 0 and the weights make up for it, which
     * cost 0.02–0.03 AUC on the digits; {@code independent} puts N(0, 10²) on its intercept too (decision 0038).
     */
    static final float NULL_BIAS_STD = 10f;

    private VmtlObjective() {
    }

    /**
     * The noise of one step: ε for z [S,T,B,L] and w [S,T,R,C] (R = {@link VmtlShape#classifierRows}), Gumbel noise
     * for α and β [2,T,T] (null for the hand-written step, which mixes α and β on the JVM).
     */
    record Noise(NDArray epsZ, NDArray epsW, NDArray gumbel) {
    }

    /**
     * The loss terms: {@code total} is a scalar (the minimised negative ELBO, weighted); the others are per-task
     * vectors [T] (unweighted), plus the sampled α and β.
     */
    record Terms(NDArray total, NDArray nll, NDArray klZ, NDArray klW, NDArray logitPrior, NDArray alpha,
                 NDArray beta) {
    }

    /** All tasks at once: the batched step. */
    static Terms compute(VmtlParameters p, TaskBatches.Batch batch, Noise noise, double tau, NDArray lambdaW,
                         float lambdaZ, KlEstimator estimator, float minStd, NDArray offDiagonal, float logitDecay) {
        return compute(p, batch, noise, tau, lambdaW, lambdaZ, estimator, minStd, minStd, offDiagonal, logitDecay,
                -1, Extensions.NONE);
    }

    /**
     * The documented extensions of the paper's loss (decision 0033).
     *
     * @param classWeights per-task class weights [T (or the computed task's row), C] multiplying each row's
     *                     log-likelihood (class-balanced likelihood), or null for none; ignored for regression
     * @param nullStd      σ₀ of the "borrow nothing" component N(0, σ₀²I) of the classifier prior (its bias row:
     *                     N(0, {@link #NULL_BIAS_STD}²)), whose mixing logit is α's (otherwise unused) diagonal
     *                     entry; 0 = no such component (the paper)
     * @param learnNullStd whether σ₀ is instead each task's own parameter exp(nullLogStd_t) (type-II maximum
     *                     likelihood on the ELBO: it gets the gradient of α_tt·KL(q_t(w) ‖ N(0, σ₀²I)))
     * @param sharedNullScales whether σ₀ is instead one parameter per classifier input, exp(nullRowLogStd_r), the
     *                     same for every task and class (an ARD prior that the tasks learn together, decision 0039);
     *                     it takes precedence over {@code learnNullStd}
     */
    record Extensions(NDArray classWeights, float nullStd, boolean learnNullStd, boolean sharedNullScales) {
        static final Extensions NONE = new Extensions(null, 0f, false, false);

        Extensions(NDArray classWeights, float nullStd) {
            this(classWeights, nullStd, false, false);
        }

        Extensions(NDArray classWeights, float nullStd, boolean learnNullStd) {
            this(classWeights, nullStd, learnNullStd, false);
        }
    }

    /**
     * The loss of every task ({@code task} = −1; arrays have all T tasks on their task axis) or of one task
     * (arrays hold that task alone on their task axis, and its rows of the mixing logits are used): the per-task
     * loop that the batched step replaces. Either way {@code total} is Σ over the computed tasks / T, so the
     * per-task totals add up to the batched one.
     */
    static Terms compute(VmtlParameters p, TaskBatches.Batch batch, Noise noise, double tau, NDArray lambdaW,
                         float lambdaZ, KlEstimator estimator, float minStd, float minStdZ, NDArray offDiagonal,
                         float logitDecay, int task, Extensions ext) {
        VmtlShape s = p.shape;
        int t = s.tasks();
        Own own = new Own(p, task);
        int rowsT = task < 0 ? t : 1;
        NDArray x = batch.x();

        // encoder: shared trunk, per-task heads (own task) → q_t(z|x) = N(muZ, sdZ²), [T,B,L]
        NDArray h = Activation.elu(x.matMul(p.trunkW).add(p.trunkB), 1f);
        if (s.skip()) { // the heads read [ELU(xW + b), x]: a linear path that needs no trunk to be learned first
            h = h.concat(x, 2);
        }
        NDArray muZ = h.matMul(own.headMean).add(own.headMeanB);
        NDArray sdZ = LogStd.capped(h.matMul(own.headLogStd).add(own.headLogStdB)).exp().add(minStdZ);

        // reparameterised samples of z [S,T,B,L] and w [S,T,R,C]
        NDArray z = noise.epsZ().mul(sdZ.expandDims(0)).add(muZ.expandDims(0));
        NDArray sdW = LogStd.capped(own.wLogStd).exp().add(minStd);
        NDArray w = noise.epsW().mul(sdW.expandDims(0)).add(own.wMean.expandDims(0));
        Shape zs = z.getShape();
        NDArray ones = z.getManager().ones(new Shape(zs.get(0), zs.get(1), zs.get(2), 1), z.getDataType(),
                z.getDevice());
        NDArray in = z;
        if (s.classifierSkip()) { // the classifier reads [z, x, 1]: linear weights on the inputs, shared by the samples
            in = in.concat(x.expandDims(0).broadcast(new Shape(zs.get(0), zs.get(1), zs.get(2), s.inputs())), 3);
        }
        NDArray out = in.concat(ones, 3).matMul(w); // [S,T,B,C]

        // class weights ride on the one-hot target: each row's −log p(y) is multiplied by its class's weight
        NDArray target = s.regression() || ext.classWeights() == null ? batch.target()
                : batch.target().mul(ext.classWeights().expandDims(1));
        NDArray nllRows = s.regression() ? gaussianNll(out, target, own.noiseLogStd) : softmaxNll(out, target);
        NDArray nll = nllRows.mul(batch.mask()).sum(new int[] {1}).mul(batch.scale());

        // representation prior: every task's (detached) head applied to these rows, the bias folded in as a column
        // of ones (H′ = H, or H + D with the skip path): rows [T·B, H′+1]
        Shape hs = h.getShape();
        long rowsB = hs.get(1);
        NDArray hd = h.stopGradient().reshape(-1, s.headInputs());
        hd = hd.concat(hd.getManager().ones(new Shape(hd.getShape().get(0), 1)), 1);
        boolean nullComponent = ext.nullStd() > 0;
        // with the null component, α's diagonal (task t itself) is the weight of N(0, σ₀²I); β keeps a zero diagonal
        NDArray mixMask = !nullComponent ? offDiagonal
                : ai.djl.ndarray.NDArrays.stack(new NDList(offDiagonal.onesLike(), offDiagonal));
        NDArray mix = GumbelSoftmax.mix(own.mixingLogits, noise.gumbel(), tau, mixMask);
        NDArray alpha = mix.get(0);
        NDArray beta = mix.get(1);
        NDArray klZRows;
        if (estimator == KlEstimator.PAIRWISE) {
            NDArray both = componentHeads(hd.reshape(rowsT, rowsB, s.headInputs() + 1), p);
            NDArray varAll = componentSd(both.get(":, " + t + ":"), minStdZ);
            GaussianKl.Components c = GaussianKl.components(both.get(":, 0:" + t), varAll.muli(varAll));
            klZRows = GaussianKl.pairwiseByStatistics(muZ, sdZ.square(), c, beta);
        } else {
            NDArray muAll = heads(hd, p.headMean, p.headMeanB, 0f, rowsT, rowsB, s).transpose(0, 2, 1, 3);
            NDArray sdAll = LogStd.capped(heads(hd, p.headLogStd, p.headLogStdB, 0f, rowsT, rowsB, s)).exp()
                    .add(minStdZ);
            klZRows = GaussianKl.toMixture(estimator, muZ, sdZ.square(), muAll, sdAll.square().transpose(0, 2, 1, 3),
                    beta.reshape(rowsT, t, 1, 1), 1);
        }
        NDArray klZ = klZRows.mul(batch.mask()).sum(new int[] {1}).mul(batch.scale());

        // classifier prior: the other tasks' (detached) posteriors of w
        NDArray varW = sdW.square();
        // all tasks computed: the components are this step's own posteriors, detached (no second pass)
        NDArray allVarW = task < 0 ? varW.stopGradient()
                : LogStd.capped(p.wLogStd.stopGradient()).exp().add(minStd).square();
        NDArray compMean = p.wMean.stopGradient().expandDims(0);
        NDArray compVar = allVarW.expandDims(0);
        if (nullComponent) { // row t's own slot becomes N(0, σ₀²): [T(row), T(component), R, C]
            NDArray keep = offDiagonal.reshape(rowsT, t, 1, 1);
            compMean = compMean.mul(keep);
            NDArray nullVar;
            if (ext.sharedNullScales()) { // σ₀_r² = exp(2·nullRowLogStd_r), one per input, [1, 1, R, 1]
                NDArray logStd = p.nullRowLogStd.concat(p.nullRowLogStd.getManager().zeros(new Shape(1)), 0);
                nullVar = Scalars.mul(logStd, 2f).exp().reshape(1, 1, s.classifierRows(), 1);
            } else if (ext.learnNullStd()) { // learned: σ₀_t² = exp(2·nullLogStd_t), with its gradient
                nullVar = Scalars.mul(own.nullLogStd, 2f).exp().reshape(rowsT, 1, 1, 1);
            } else {
                nullVar = Scalars.mul(keep.onesLike(), ext.nullStd() * ext.nullStd());
            }
            // the bias row (the last) under N(0, NULL_BIAS_STD²) whatever σ₀ is: [T or 1, 1, R, 1]
            float[] weightRows = new float[s.classifierRows()];
            java.util.Arrays.fill(weightRows, 0, weightRows.length - 1, 1f);
            NDArray rowMask = nullVar.getManager().create(weightRows, new Shape(1, 1, weightRows.length, 1));
            nullVar = nullVar.mul(rowMask).add(Scalars.mul(rowMask.neg().add(1f), NULL_BIAS_STD * NULL_BIAS_STD));
            compVar = compVar.mul(keep).add(keep.neg().add(1f).mul(nullVar));
        }
        NDArray klW = GaussianKl.toMixture(estimator, own.wMean, varW, compMean, compVar,
                alpha.reshape(rowsT, t, 1, 1), 2);

        // a Gaussian prior N(0, 1/decay) on every mixing logit (MAP), so that α and β stay graded where the data
        // do not decide (without it a task with no true partner drifts to one-hot on whichever neighbour is closest)
        NDArray logitPrior = Scalars.mul(own.mixingLogits.square().sum(new int[] {0, 2}), 0.5f * logitDecay);
        NDArray perTask = nll.add(Scalars.mul(klZ, lambdaZ)).add(klW.mul(lambdaW)).add(logitPrior);
        return new Terms(Scalars.div(perTask.sum(), (float) t), nll, klZ, klW, logitPrior, alpha, beta);
    }

    /** The parameters of the tasks being computed: all of them, or one task's slice (keeping the task axis). */
    private static final class Own {
        final NDArray headMean;
        final NDArray headMeanB;
        final NDArray headLogStd;
        final NDArray headLogStdB;
        final NDArray wMean;
        final NDArray wLogStd;
        final NDArray noiseLogStd;
        final NDArray nullLogStd;
        /** α and β logits stacked, [2, T(or 1), T]. */
        final NDArray mixingLogits;

        Own(VmtlParameters p, int task) {
            headMean = slice(p.headMean, task);
            headMeanB = slice(p.headMeanB, task);
            headLogStd = slice(p.headLogStd, task);
            headLogStdB = slice(p.headLogStdB, task);
            wMean = slice(p.wMean, task);
            wLogStd = slice(p.wLogStd, task);
            noiseLogStd = slice(p.noiseLogStd, task);
            nullLogStd = slice(p.nullLogStd, task);
            mixingLogits = task < 0 ? p.mixingLogits : p.mixingLogits.get(":," + task + ":" + (task + 1));
        }

        private static NDArray slice(NDArray a, int task) {
            return task < 0 ? a : a.get(task + ":" + (task + 1));
        }
    }

    /**
     * Every head k applied to every row, plus {@code shift}: [T(row), B, T(head), L] from rows [T(row)·B, H+1] whose
     * last column is 1 (the bias and the shift ride in the GEMM instead of a pass over the result).
     */
    private static NDArray heads(NDArray rows, NDArray weight, NDArray bias, float shift, int rowsT, long rowsB,
                                 VmtlShape s) {
        int t = s.tasks();
        int l = s.latent();
        NDArray w = weight.stopGradient().transpose(1, 0, 2).reshape(s.headInputs(), (long) t * l);
        NDArray b = bias.stopGradient().reshape(1, (long) t * l);
        if (shift != 0f) {
            b = b.add(shift);
        }
        return rows.matMul(w.concat(b, 0)).reshape(rowsT, rowsB, t, l);
    }

    /**
     * Every head k applied to every row, detached, for the representation prior: [T(row), 2·T(head), L·B], the means
     * then the log σ shifted by −MAX, each [T(row), T(head), L·B] as a slice of the second axis. One GEMM
     * [2·T·L, H′+1] × [T(row), H′+1, B] from rows [T(row), B, H′+1] whose last column is 1 (the bias and the shift
     * ride in it; H′ = {@link VmtlShape#headInputs}); the product comes out in the components' layout, so no
     * transposing copy of T·T·B·L numbers follows.
     */
    private static NDArray componentHeads(NDArray rows, VmtlParameters p) {
        VmtlShape s = p.shape;
        int t = s.tasks();
        NDArray mean = headRows(p.headMean, p.headMeanB, 0f);
        NDArray logStd = headRows(p.headLogStd, p.headLogStdB, -LogStd.MAX);
        NDArray weights = mean.concat(logStd, 0).reshape(2L * t * s.latent(), s.headInputs() + 1);
        Shape rs = rows.getShape();
        return weights.matMul(rows.transpose(0, 2, 1)).reshape(rs.get(0), 2L * t, s.latent() * rs.get(1));
    }

    /** A head's weights [T, H′, L] and bias [T, 1, L] (+ shift) as rows [T, L, H′+1], detached. */
    private static NDArray headRows(NDArray weight, NDArray bias, float shift) {
        NDArray b = bias.stopGradient().transpose(0, 2, 1);
        if (shift != 0f) {
            b = b.add(shift);
        }
        return weight.stopGradient().transpose(0, 2, 1).concat(b, 2);
    }

    /**
     * Every head's σ of z on every row from its shifted log σ (see {@link #componentHeads}), detached: exp(capped(s))
     * + minStd with capped(s) = MAX − softplus(MAX − s), i.e. e^MAX·sigmoid(s − MAX) + minStd, in place after the
     * sigmoid. Nothing here is recorded by autograd (the inputs are detached), so the in-place ops are safe; the
     * constants still come from the step's manager (decision 0031).
     */
    private static NDArray componentSd(NDArray shifted, float minStdZ) {
        NDArray sd = Activation.sigmoid(shifted);
        shifted.close();
        return Scalars.muli(sd, (float) Math.exp(LogStd.MAX)).addi(minStdZ);
    }

    /** −(1/S) Σ_s log softmax(out_s)[y] per row, [T,B]; {@code oneHot} is [T,B,C]. */
    private static NDArray softmaxNll(NDArray out, NDArray oneHot) {
        return out.logSoftmax(3).mul(oneHot.expandDims(0)).sum(new int[] {3}).mean(new int[] {0}).neg();
    }

    /** −(1/S) Σ_s log N(y; f_s, σ_t²) per row, [T,B]; {@code y} is [T,B], σ_t = exp(noiseLogStd_t) bounded ({@link LogStd#noise}). */
    private static NDArray gaussianNll(NDArray out, NDArray y, NDArray noiseLogStd) {
        NDArray f = out.squeeze(3); // [S,T,B]
        NDArray logSd = LogStd.noise(noiseLogStd).reshape(1, -1, 1);
        NDArray resid = f.sub(y.expandDims(0)).mul(logSd.neg().exp());
        return Scalars.mul(resid.square(), 0.5f).add(logSd).add(0.5f * LOG_2PI).mean(new int[] {0});
    }

    /** Stacks scalars (for one read-back to the JVM). */
    static NDArray stack(NDArray... scalars) {
        return ai.djl.ndarray.NDArrays.stack(new NDList(scalars));
    }
}
