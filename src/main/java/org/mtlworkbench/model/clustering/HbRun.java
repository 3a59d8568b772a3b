package org.mtlworkbench.model.clustering;

import java.util.SplittableRandom;
import org.mtlworkbench.model.FitFailedException;

/**
 * One restart of the generalised EM: its hyper-parameters, its L-BFGS memory for (W, σ), and the posterior at
 * the current point. Each {@link #step()} is an E-step followed by the closed-form prior updates (exact, so
 * they cannot lower the objective) and a few line-searched L-BFGS steps on (W, log(σ² − floor²)) (accepted only
 * when they raise it); the step checks that the objective did not decrease.
 */
final class HbRun {

    /** EM steps of the single-Gaussian warm-up that starts every restart. */
    static final int WARMUP_STEPS = 5;
    /** A decrease larger than this (relative) is a bug, not rounding. */
    private static final double MONOTONE_SLACK = 1e-7;

    final HbParams params;
    private final HbSettings settings;
    private final HbObjective objective;
    private final Lbfgs lbfgs;
    private HbPosterior post;
    private double largestDecrease;

    private HbRun(HbParams params, HbSettings settings, HbObjective objective) {
        this.params = params;
        this.settings = settings;
        this.objective = objective;
        int dim = (params.w == null ? 0 : params.w.length) + 1;
        this.lbfgs = new Lbfgs(dim, 10);
        this.post = objective.evaluate(params, false);
    }

    /** A fresh restart: random W, a short single-Gaussian warm-up, then k-means++ on the posterior means. */
    static HbRun start(HbData data, HbSettings settings, SplittableRandom rng) {
        int g = data.meanFeatures[0].length;
        int f = data.gateFeatures[0].length;
        HbSettings single = settings.withClusters(1);
        HbParams p1 = new HbParams(settings.activation(), settings.hidden(), data.inputs, 1, g, f,
                settings.noiseFloor() * settings.noiseFloor());
        if (p1.w != null) {
            double sd = 1.0 / Math.sqrt(data.inputs);
            for (int j = 0; j < p1.w.length; j++) {
                p1.w[j] = sd * gaussian(rng);
            }
        }
        p1.noiseVar = Math.max(1.0, 2 * p1.noiseFloorVar);
        for (int r = 0; r < p1.p; r++) {
            p1.cov[0][r * p1.p + r] = 1.0;
        }
        HbRun warm = new HbRun(p1, single, new HbObjective(data, single, p1));
        int k = settings.clusters();
        for (int s = 0; s < (k == 1 ? 0 : WARMUP_STEPS); s++) {
            warm.step();
        }
        if (k == 1) {
            return warm;
        }
        HbParams pk = new HbParams(settings.activation(), settings.hidden(), data.inputs, k, g, f,
                p1.noiseFloorVar);
        pk.w = p1.w == null ? null : p1.w.clone();
        pk.noiseVar = p1.noiseVar;
        // responsibilities from k-means++ on the warm-up posterior means (softened so no component starts empty)
        HbPosterior wp = warm.post;
        double[][] points = new double[data.tasks][];
        for (int i = 0; i < data.tasks; i++) {
            points[i] = wp.mu[i][0];
        }
        int[] label = KMeans.cluster(points, k, rng, 10);
        HbPosterior init = new HbPosterior(data.tasks, k, pk.p);
        for (int i = 0; i < data.tasks; i++) {
            for (int a = 0; a < k; a++) {
                init.z[i][a] = (a == label[i] ? 0.9 : 0.0) + 0.1 / k;
                init.mu[i][a] = wp.mu[i][0].clone();
                init.cov[i][a] = wp.cov[i][0].clone();
            }
        }
        PriorUpdates.meansAndCovariances(pk, init, data, settings);
        PriorUpdates.gate(pk, init, data, settings);
        return new HbRun(pk, settings, new HbObjective(data, settings, pk));
    }

    HbPosterior posterior() {
        return post;
    }

    double objectiveValue() {
        return post.objective();
    }

    /** Largest relative decrease of the objective seen in an EM step (0 when it never decreased). */
    double largestDecrease() {
        return largestDecrease;
    }

    /** One EM step; returns the gain in the objective. */
    double step() {
        double before = post.objective();
        HbData data = objective.data();
        PriorUpdates.meansAndCovariances(params, post, data, settings);
        PriorUpdates.gate(params, post, data, settings);
        noiseUpdate(data);
        post = objective.evaluate(params, params.w != null);
        if (params.w != null && settings.innerSteps() > 0) {
            innerSteps();
        }
        double after = post.objective();
        if (!Double.isFinite(after)) {
            throw new FitFailedException("the log evidence became " + after + " (noise σ² = " + params.noiseVar
                    + ")");
        }
        double decrease = (before - after) / (1 + Math.abs(before));
        largestDecrease = Math.max(largestDecrease, decrease);
        if (decrease > MONOTONE_SLACK) {
            throw new FitFailedException(String.format(java.util.Locale.ROOT,
                    "EM objective decreased from %.10g to %.10g: the generalised EM lost its monotonicity",
                    before, after));
        }
        return after - before;
    }

    /**
     * The exact EM update of σ² from the same E-step as the prior updates (A_i latent):
     * σ² = Σ_i Σ_α z_iα (c_i − 2 b_iᵀμ_iα + tr(S_i (C_iα + μ_iα μ_iαᵀ))) / Σ_i n_i, kept above the floor. It does not
     * interact with the prior terms, so together they still maximise the EM bound; the L-BFGS steps that follow
     * (when W is learned) refine σ jointly with W on the marginal likelihood itself.
     */
    private void noiseUpdate(HbData data) {
        double sum = objective.expectedSquaredError(params, post);
        double v = sum / Math.max(1, data.totalRows());
        params.noiseVar = Math.max(v, params.noiseFloorVar);
    }

    /** L-BFGS on −objective over x = [W; log(σ² − floor²)], the prior held fixed, z recomputed at every point. */
    private void innerSteps() {
        int nw = params.w == null ? 0 : params.w.length;
        double floor = params.noiseFloorVar;
        double[] x = new double[nw + 1];
        if (nw > 0) {
            System.arraycopy(params.w, 0, x, 0, nw);
        }
        if (params.noiseVar - floor <= 0) {
            params.noiseVar = Math.max(2 * floor, 1e-12);
        }
        x[nw] = Math.log(params.noiseVar - floor);
        HbParams trial = params.copy();
        HbPosterior[] last = new HbPosterior[1];
        Lbfgs.Function fn = new Lbfgs.Function() {
            @Override
            public double valueAndGradient(double[] xs, double[] grad) {
                if (nw > 0) {
                    System.arraycopy(xs, 0, trial.w, 0, nw);
                }
                double excess = Math.exp(xs[nw]);
                trial.noiseVar = floor + excess;
                if (!(trial.noiseVar > 0) || !Double.isFinite(trial.noiseVar)) {
                    return Double.NaN;
                }
                HbPosterior p;
                try {
                    p = objective.evaluate(trial, true);
                } catch (FitFailedException e) {
                    return Double.NaN;
                }
                last[0] = p;
                if (!Double.isFinite(p.objective())) {
                    return Double.NaN;
                }
                for (int j = 0; j < nw; j++) {
                    grad[j] = -p.gradW[j];
                }
                grad[nw] = -p.gradNoiseVar * excess;
                return -p.objective();
            }

            @Override
            public void accepted() {
                post = last[0];
                if (nw > 0) {
                    System.arraycopy(trial.w, 0, params.w, 0, nw);
                }
                params.noiseVar = trial.noiseVar;
            }
        };
        double[] grad = new double[nw + 1];
        for (int j = 0; j < nw; j++) {
            grad[j] = -post.gradW[j];
        }
        grad[nw] = -post.gradNoiseVar * (params.noiseVar - floor);
        lbfgs.minimise(fn, x, -post.objective(), grad, settings.innerSteps());
        // the objective's work arrays now hold the last trial point's statistics; re-evaluation is not needed
        // for the posterior (kept from the accepted point), but the next evaluate recomputes them anyway.
    }

    /** Renames components (new a = old perm[a]) in the parameters and the current posterior. */
    void permute(int[] perm) {
        params.permute(perm);
        post.permute(perm);
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
