package org.mtlworkbench.model.sparse;

import java.util.List;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.MultiTaskModel;
import org.mtlworkbench.model.ParamSpec;
import org.mtlworkbench.model.ParamValues;

/**
 * Sparse Bayesian multi-task learning with generalised-inverse-Gaussian priors (model id {@code sparse-gig}):
 * multi-output linear regression whose weight matrix is split into feature groups, each group switched on or off
 * by a precision γ_i ~ GIG(ω, χ, φ), with a low-rank-plus-isotropic task covariance Σ = VVᵀ + τI that can show
 * anti-correlated tasks. See docs/models/sparse-gig.md.
 */
public final class SparseGigFactory implements ModelFactory {

    public static final String ID = "sparse-gig";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Sparse Bayesian MTL (GIG priors)";
    }

    @Override
    public String description() {
        return "Group-sparse multi-output regression with a learned low-rank task covariance; shows which feature "
                + "groups matter and which tasks are correlated or anti-correlated.";
    }

    @Override
    public String reference() {
        return "Archambeau, Guo & Zoeter, Sparse Bayesian multi-task learning, NeurIPS 2011, pp. 1755-1763";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.ofChoice("prior", PriorPreset.GENERAL.id, PriorPreset.ids(),
                        "prior on the group precisions: general GIG, Student-t (χ=0), Laplace/group lasso (φ=0), "
                        + "ARD (1/γ), normal-inverse-Gaussian (ω=−½)"),
                ParamSpec.ofChoice("groups", FeatureGroups.PER_FEATURE, FeatureGroups.CHOICES,
                        "feature groups: one per feature, by name prefix (pos_1, pos2 → pos), or blocks of "
                        + "groupSize columns in order"),
                ParamSpec.ofInt("groupSize", 2, 1, 100_000, "columns per group when groups=blocks"),
                ParamSpec.ofInt("rank", 2, 1, 100, "rank K of the task covariance Σ = VVᵀ + τI (capped at the "
                        + "number of tasks)"),
                ParamSpec.ofInt("iterations", 200, 1, 100_000, "most variational EM iterations"),
                ParamSpec.ofDouble("tolerance", 1e-6, 0, 1, "stop when the ELBO changes by less than this, "
                        + "relative").withLogScale(),
                ParamSpec.ofBoolean("learnPrior", true, "learn the GIG prior's free parameters by type-II "
                        + "maximum likelihood"),
                ParamSpec.ofDouble("omega", 1, -100, 100, "GIG order ω (start value; general and Student-t "
                        + "only, Student-t needs ω > 0)"),
                ParamSpec.ofDouble("chi", 1, 1e-10, 1e10, "GIG χ (start value; not used by Student-t and ARD)")
                        .withLogScale(),
                ParamSpec.ofDouble("phi", 1, 1e-10, 1e10, "GIG φ (start value; not used by Laplace and ARD)")
                        .withLogScale(),
                ParamSpec.ofDouble("wishartDof", 2, 1e-3, 1e6, "Wishart prior on the group feature "
                        + "precisions: degrees of freedom above D_i − 1 (mean fixed at I)"),
                ParamSpec.ofChoice("solver", "auto", List.of("auto", "primal", "dual"),
                        "q(W): primal D×D inverses, or the N×N dual form (shared inputs only); auto picks dual "
                        + "when D > N"));
    }

    @Override
    public boolean supports(TargetType type) {
        return type == TargetType.REGRESSION;
    }

    @Override
    public MultiTaskModel create(ParamValues values) {
        return new SparseGigModel(values);
    }
}
