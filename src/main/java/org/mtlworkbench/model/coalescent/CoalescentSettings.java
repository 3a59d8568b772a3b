package org.mtlworkbench.model.coalescent;

import java.util.List;
import org.mtlworkbench.model.ParamSpec;
import org.mtlworkbench.model.ParamValues;

/**
 * The hyper-parameters shared by both coalescent variants, declared once for the GUI, the CLI and experiment files.
 *
 * @param maxIterations  EM iterations at most
 * @param tolerance      stop when the objective changes by less than this times (1 + |objective|)
 * @param noiseSd        fixed noise standard deviation in (scaled) target units, or 0 to learn one per task
 * @param diffusionPrior ψ of the inverse-Wishart prior IW(d + 1, ψ·I) on the diffusion covariance Λ or L
 * @param rootVariance   v₀: the root's prior is N(0, v₀·Λ) (or v₀·L)
 * @param intercept      append a constant input, so the intercept is a weight like the others
 * @param scaleTargets   shift and scale the regression targets by one pooled mean and sd, the same for every task
 * @param structure      which diffusion covariances are allowed (full, diagonal, isotropic)
 */
record CoalescentSettings(int maxIterations, double tolerance, double noiseSd, double diffusionPrior,
                          double rootVariance, boolean intercept, boolean scaleTargets,
                          Diffusion.Structure structure) {

    static List<ParamSpec> params(int defaultIterations, String defaultStructure) {
        return List.of(
                ParamSpec.ofInt("max-iterations", defaultIterations, 1, 100_000, "EM iterations at most"),
                ParamSpec.ofDouble("tolerance", 1e-6, 0, 1,
                        "stop when the objective changes by less than this × (1 + |objective|)").withLogScale(),
                ParamSpec.ofDouble("noise-sd", 0, 0, 1e6,
                        "noise standard deviation in scaled target units; 0 learns one per task (regression)"),
                ParamSpec.ofDouble("diffusion-prior", 0.1, 1e-8, 1e4,
                        "ψ of the inverse-Wishart prior IW(d+1, ψ·I) on the diffusion covariance").withLogScale(),
                ParamSpec.ofDouble("root-variance", 10, 1e-6, 1e6,
                        "prior variance of the root, in units of the diffusion covariance").withLogScale(),
                ParamSpec.ofBoolean("intercept", true, "append a constant input (a per-task intercept weight)"),
                ParamSpec.ofBoolean("scale-targets", true,
                        "shift and scale the regression targets by one pooled mean and sd (the same for all tasks)"),
                ParamSpec.ofChoice("diffusion-structure", defaultStructure, List.of("full", "diagonal", "isotropic"),
                        "shape of the diffusion covariance Λ or L; full needs many more tasks than inputs"));
    }

    static CoalescentSettings from(ParamValues v) {
        return new CoalescentSettings(v.getInt("max-iterations"), v.getDouble("tolerance"), v.getDouble("noise-sd"),
                v.getDouble("diffusion-prior"), v.getDouble("root-variance"), v.getBoolean("intercept"),
                v.getBoolean("scale-targets"),
                Diffusion.Structure.valueOf(v.getString("diffusion-structure").toUpperCase(java.util.Locale.ROOT)));
    }
}
