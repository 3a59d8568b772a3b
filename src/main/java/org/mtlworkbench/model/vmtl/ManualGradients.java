package org.mtlworkbench.model.vmtl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import org.mtlworkbench.model.djl.TaskBatches;

/**
 * The batched VMTL loss of {@link VmtlObjective} (pairwise KL estimator) with its gradients written out by hand:
 * one forward pass and one backward pass of about a hundred native ops, no autograd graph (decision 0035). Autograd
 * ran about 340 native calls a step (forward, plus one backward function per recorded op, each with its own
 * bookkeeping), and on these small tensors the step's time is mostly per-call overhead.
 *
 * <p>Split of the work: the T×T parts (the Gumbel-softmax weights, the mixture weights' gradients, the logit prior)
 * are computed on the JVM in double precision by the caller; the native side takes α and β as plain arrays and
 * returns ∂loss/∂α (the pairwise KLs, weighted) and ∂loss/∂β with the network's flat gradient. The caller turns
 * autograd off on its thread first ({@code DjlDevices.noGradients}: libtorch's grad mode is per thread and on by
 * default), so that ops on the parameters' views record nothing.
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

    /**
     * What the native side computed, before the JVM adds the mixing terms.
     *
     * @param network     ∂loss/∂(flat network parameters), in {@link VmtlParameters}' layout, without weight decay
     * @param nll         per-task likelihood term [T]
     * @param klZ         per-task KL(z) [T]
     * @param klPairs     KL(q_t(w) ‖ component i) [T, T] (row t, component i; the diagonal is the null component's)
     * @param betaGradient ∂loss/∂β [T, T], up to a constant per row (which the softmax rows do not see)
     */
    record Native(NDArray network, NDArray nll, NDArray klZ, NDArray klPairs, NDArray betaGradient) {
    }

    /**
     * The loss terms and gradients of every task at once.
     *
     * @param alpha   the sampled α [T, T] (rows sum to 1; with the null component its diagonal is the null weight)
     * @param beta    the sampled β [T, T]
     * @param lambdaW λ_w per task [T]
     * @param ext     the extensions (class weights, null component)
     */
    static Native compute(VmtlParameters p, TaskBatches.Batch batch, VmtlObjective.Noise noise, NDArray alpha,
                          NDArray beta, NDArray lambdaW, float lambdaZ, float minStd, float minStdZ,
                          NDArray offDiagonal, VmtlObjective.Extensions ext) {
        VmtlShape s = p.shape;
        int t = s.tasks();
        int l = s.latent();
        NDArray x = batch.x();
        long rows = x.getShape().get(1);
        long samples = noise.epsZ().getShape().get(0);
        // weight of each row's terms in the loss: mask · N_t/n_t / T, [T, B]
        NDArray rowWeight = batch.mask().mul(batch.scale().reshape(t, 1));
        NDArray rowLoss = rowWeight.div((float) t);

        // ---- forward ----
        NDArray a = x.matMul(p.trunkW).add(p.trunkB); // [T,B,H]
        NDArray h = Activation.elu(a, 1f);
        NDArray hh = s.skip() ? h.concat(x, 2) : h;
        NDArray muZ = hh.matMul(p.headMean).add(p.headMeanB); // [T,B,L]
        // σ = exp(capped(u)) + min = e^MAX·sigmoid(u − MAX) + min (LogStd.capped), and dσ/du = (σ − min)(1 − sigmoid)
        NDArray sigZ = Activation.sigmoid(hh.matMul(p.headLogStd).add(p.headLogStdB.sub(LogStd.MAX)));
        NDArray sdZ = sigZ.mul(E_MAX).add(minStdZ);
        NDArray z = noise.epsZ().mul(sdZ.expandDims(0)).add(muZ.expandDims(0)); // [S,T,B,L]
        NDArray sigW = Activation.sigmoid(p.wLogStd.sub(LogStd.MAX));
        NDArray sdW = sigW.mul(E_MAX).add(minStd); // [T,R,C]
        NDArray w = noise.epsW().mul(sdW.expandDims(0)).add(p.wMean.expandDims(0)); // [S,T,R,C]
        Shape zs = z.getShape();
        NDArray in = z;
        if (s.classifierSkip()) {
            in = in.concat(x.expandDims(0).broadcast(new Shape(zs.get(0), zs.get(1), zs.get(2), s.inputs())), 3);
        }
        in = in.concat(in.getManager().ones(new Shape(zs.get(0), zs.get(1), zs.get(2), 1)), 3); // [S,T,B,R]
        NDArray out = in.matMul(w); // [S,T,B,C]

        NDArray nllRows;
        NDArray dOut;
        NDArray noiseGradient;
        if (s.regression()) {
            NDArray y = batch.target(); // [T,B]
            NDArray raw = p.noiseLogStd; // [T]
            NDArray u = Activation.softPlus(raw.sub(LogStd.MIN_NOISE)).add(LogStd.MIN_NOISE);
            NDArray logSd = LogStd.capped(u); // LogStd.noise
            NDArray inv = logSd.neg().exp().reshape(1, t, 1);
            NDArray resid = out.squeeze(3).sub(y.expandDims(0)).mul(inv); // [S,T,B]
            NDArray resid2 = resid.square();
            nllRows = resid2.mul(0.5f).add(logSd.reshape(1, t, 1)).add(0.5f * LOG_2PI).mean(new int[] {0});
            dOut = resid.mul(inv).mul(rowLoss.div((float) samples).expandDims(0)).expandDims(3);
            NDArray dLogSd = resid2.neg().add(1f).mean(new int[] {0}).mul(rowLoss).sum(new int[] {1}); // [T]
            // d capped(u)/du = sigmoid(MAX − u); du/draw = sigmoid(raw − MIN)
            noiseGradient = dLogSd.mul(Activation.sigmoid(u.neg().add(LogStd.MAX)))
                    .mul(Activation.sigmoid(raw.sub(LogStd.MIN_NOISE)));
        } else {
            NDArray y = ext.classWeights() == null ? batch.target()
                    : batch.target().mul(ext.classWeights().expandDims(1)); // [T,B,C]
            NDArray logP = out.logSoftmax(3);
            nllRows = logP.mul(y.expandDims(0)).sum(new int[] {3}).mean(new int[] {0}).neg(); // [T,B]
            // ∂/∂out of −Σ_c y_c log softmax(out)_c is softmax(out)·Σ_c y_c − y
            NDArray yTotal = ext.classWeights() == null ? null : y.sum(new int[] {2}, true).expandDims(0);
            NDArray prob = logP.exp();
            dOut = (yTotal == null ? prob : prob.mul(yTotal)).sub(y.expandDims(0))
                    .mul(rowLoss.div((float) samples).expandDims(0).expandDims(3));
            noiseGradient = null;
        }
        NDArray nll = nllRows.mul(rowWeight).sum(new int[] {1});

        // representation prior (pairwise, on the components' statistics; see GaussianKl.pairwiseByStatistics)
        int hi = s.headInputs();
        NDArray hd = hh.reshape(-1, hi);
        hd = hd.concat(hd.getManager().ones(new Shape(hd.getShape().get(0), 1)), 1);
        NDArray both = VmtlObjective.componentHeads(hd.reshape(t, rows, hi + 1), p);
        NDArray varAll = VmtlObjective.componentSd(both.get(":, " + t + ":"), minStdZ);
        GaussianKl.Components c = GaussianKl.components(both.get(":, 0:" + t), varAll.muli(varAll));
        NDArray varZ = sdZ.square();
        GaussianKl.Mixed mix = GaussianKl.mixed(c, beta, muZ.getShape());
        NDArray mt = muZ.transpose(0, 2, 1); // [T,L,B]
        NDArray vt = varZ.transpose(0, 2, 1);
        NDArray second = vt.add(mt.square());
        NDArray logVPlus1 = vt.log().add(1f);
        NDArray klZRows = second.mul(mix.precision()).sub(mt.mul(mix.meanPrecision()).mul(2f)).add(mix.constant())
                .sub(logVPlus1.mul(mix.weightSum())).sum(new int[] {1}).mul(0.5f); // [T,B]
        NDArray klZ = klZRows.mul(rowWeight).sum(new int[] {1});
        NDArray zWeight = rowLoss.mul(lambdaZ).expandDims(1); // [T,1,B]
        // ∂KL/∂m = m·Σw/σ² − Σwμ/σ², ∂KL/∂v = ½(Σw/σ² − Σw/v), per latent and row
        NDArray dMuZPrior = mt.mul(mix.precision()).sub(mix.meanPrecision()).mul(zWeight).transpose(0, 2, 1);
        NDArray dVarZPrior = mix.precision().sub(mix.weightSum().div(vt)).mul(zWeight).mul(0.5f)
                .transpose(0, 2, 1);
        // ∂loss/∂β_ti = ½ Σ_{l,b} weight · ((v + m²)/σᵢ² − 2m μᵢ/σᵢ² + log σᵢ² + μᵢ²/σᵢ²), less ½ Σ weight·(log v + 1),
        // which is the same for every i of a row and is left out: β's rows sum to 1, so the softmax's gradient
        // (g − Σ β g) does not see a constant added to a row
        long lb = (long) l * rows;
        NDArray betaGradient = second.mul(zWeight).reshape(t, 1, lb).matMul(c.precision().transpose(0, 2, 1))
                .add(mt.mul(zWeight).mul(-2f).reshape(t, 1, lb).matMul(c.meanPrecision().transpose(0, 2, 1)))
                .add(zWeight.broadcast(new Shape(t, l, rows)).reshape(t, 1, lb).matMul(c.constant().transpose(0, 2, 1)))
                .reshape(t, t).mul(0.5f);

        // classifier prior: pairwise KLs to the other tasks' (detached) posteriors, or the null component N(0, σ₀²)
        NDArray varW = sdW.square();
        NDArray logVarW = varW.log();
        NDArray compMean = p.wMean.expandDims(0);
        NDArray compVar = varW.expandDims(0);
        NDArray nullVar = null;
        boolean nullComponent = ext.nullStd() > 0;
        if (nullComponent) {
            NDArray keep = offDiagonal.reshape(t, t, 1, 1);
            compMean = compMean.mul(keep);
            nullVar = ext.learnNullStd() ? p.nullLogStd.mul(2f).exp()
                    : offDiagonal.getManager().full(new Shape(t), ext.nullStd() * ext.nullStd());
            compVar = compVar.mul(keep).add(keep.neg().add(1f).mul(nullVar.reshape(t, 1, 1, 1)));
        }
        NDArray compPrecision = compVar.getManager().create(1f).div(compVar);
        NDArray diff = p.wMean.expandDims(1).sub(compMean); // [T,T,R,C]
        NDArray klPairs = varW.expandDims(1).add(diff.square()).mul(compPrecision).add(compVar.log())
                .sub(logVarW.expandDims(1)).sum(new int[] {2, 3})
                .sub((float) s.classifierRows() * s.outputs()).mul(0.5f); // [T,T]
        NDArray alphaWeight = alpha.mul(lambdaW.reshape(t, 1)).div((float) t); // [T,T]
        NDArray aw = alphaWeight.reshape(t, t, 1, 1);
        NDArray precisionWeighted = compPrecision.mul(aw);
        NDArray dWMeanPrior = diff.mul(precisionWeighted).sum(new int[] {1});
        NDArray dVarWPrior = precisionWeighted.sum(new int[] {1})
                .sub(alphaWeight.sum(new int[] {1}).reshape(t, 1, 1).div(varW)).mul(0.5f);
        NDArray nullGradient = null;
        if (nullComponent && ext.learnNullStd()) {
            // ∂/∂log σ₀ of α_tt·KL(q_t(w) ‖ N(0, σ₀²)) = α_tt Σ (1 − (v + m²)/σ₀²)
            NDArray own = alphaWeight.mul(offDiagonal.neg().add(1f)).sum(new int[] {1});
            nullGradient = own.mul(varW.add(p.wMean.square()).sum(new int[] {1, 2}).div(nullVar).neg()
                    .add((float) s.classifierRows() * s.outputs()));
        }

        // ---- backward ----
        NDArray dW = in.transpose(0, 1, 3, 2).matMul(dOut); // [S,T,R,C]
        NDArray gWMean = dW.sum(new int[] {0}).add(dWMeanPrior);
        NDArray dSdW = dW.mul(noise.epsW()).sum(new int[] {0}).add(dVarWPrior.mul(sdW).mul(2f));
        NDArray gWLogStd = dSdW.mul(sdW.sub(minStd)).mul(sigW.neg().add(1f));
        NDArray dZ = dOut.matMul(w.transpose(0, 1, 3, 2)).get(":, :, :, 0:" + l); // [S,T,B,L]
        NDArray gMuZ = dZ.sum(new int[] {0}).add(dMuZPrior);
        NDArray dSdZ = dZ.mul(noise.epsZ()).sum(new int[] {0}).add(dVarZPrior.mul(sdZ).mul(2f));
        NDArray dU = dSdZ.mul(sdZ.sub(minStdZ)).mul(sigZ.neg().add(1f)); // [T,B,L]
        NDArray hhT = hh.transpose(0, 2, 1);
        NDArray gHeadMean = hhT.matMul(gMuZ);
        NDArray gHeadLogStd = hhT.matMul(dU);
        NDArray dHh = gMuZ.matMul(p.headMean.transpose(0, 2, 1)).add(dU.matMul(p.headLogStd.transpose(0, 2, 1)));
        NDArray dH = s.skip() ? dHh.get(":, :, 0:" + s.hidden()) : dHh;
        NDArray dA = dH.mul(h.add(1f).minimum(1f)); // ELU′(a) = 1 above 0, e^a = h + 1 below
        NDArray gTrunkW = x.reshape(-1, s.inputs()).transpose().matMul(dA.reshape(-1, s.hidden()));
        NDArray gTrunkB = dA.sum(new int[] {0, 1});

        NDArray zeros = x.getManager().zeros(new Shape(t));
        NDArray network = NDArrays.concat(new NDList(gTrunkW.reshape(-1), gTrunkB.reshape(-1), gHeadMean.reshape(-1),
                gMuZ.sum(new int[] {1}).reshape(-1), gHeadLogStd.reshape(-1), dU.sum(new int[] {1}).reshape(-1),
                gWMean.reshape(-1), gWLogStd.reshape(-1), noiseGradient == null ? zeros : noiseGradient,
                nullGradient == null ? zeros : nullGradient));
        return new Native(network, nll, klZ, klPairs, betaGradient);
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
