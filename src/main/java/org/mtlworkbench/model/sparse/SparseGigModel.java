package org.mtlworkbench.model.sparse;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FitFailedException;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.ModelSnapshot;
import org.mtlworkbench.model.MultiTaskModel;
import org.mtlworkbench.model.ParamValues;

/** Variational EM for sparse Bayesian multi-task regression with GIG priors (Archambeau et al. 2011). */
final class SparseGigModel implements MultiTaskModel {

    /** A relative ELBO decrease larger than this means an update is wrong: the fit stops rather than hide it. */
    static final double DECREASE_TOLERANCE = 1e-7;

    private final ParamValues params;

    SparseGigModel(ParamValues params) {
        this.params = params;
    }

    @Override
    public FittedModel fit(MultiTaskDataset train, FitContext ctx) {
        if (train.isClassification()) {
            throw new FitFailedException("sparse-gig does multi-output regression only");
        }
        FeatureGroups groups = FeatureGroups.of(params.getString("groups"), params.getInt("groupSize"),
                train.featureNames());
        TaskData data = TaskData.of(train, groups.permutation());
        VariationalState s = newState(data, groups, params, ctx);
        int maxIter = params.getInt("iterations");
        double tol = params.getDouble("tolerance");
        boolean learnPrior = params.getBoolean("learnPrior");
        double previous = Double.NEGATIVE_INFINITY;
        SparseGigFit fit = null;
        for (int it = 1; it <= maxIter; it++) {
            ctx.checkCancelled();
            s.sweep(learnPrior);
            ElboTerms e = s.elbo();
            double elbo = e.total();
            if (!Double.isFinite(elbo)) {
                throw new FitFailedException("sparse-gig: the ELBO is not finite at iteration " + it);
            }
            if (elbo < previous - DECREASE_TOLERANCE * Math.abs(previous)) {
                throw new FitFailedException("sparse-gig: the ELBO decreased from " + previous + " to " + elbo
                        + " at iteration " + it + "; a closed-form update is not an ascent step (a bug)");
            }
            fit = new SparseGigFit(s, train.taskNames(), groups.names());
            ctx.report(snapshot(it, e, s, fit));
            boolean converged = it > 5 && Math.abs(elbo - previous) <= tol * Math.abs(elbo);
            previous = elbo;
            if (converged) {
                break;
            }
        }
        return fit;
    }

    static VariationalState newState(TaskData data, FeatureGroups groups, ParamValues params, FitContext ctx) {
        GigPrior prior = new GigPrior(PriorPreset.of(params.getString("prior")), data.tasks,
                params.getDouble("omega"), params.getDouble("chi"), params.getDouble("phi"));
        int rank = Math.min(params.getInt("rank"), data.tasks);
        int n = data.shared ? data.rows[0] : Integer.MAX_VALUE;
        boolean dual = switch (params.getString("solver")) {
            case "dual" -> {
                if (!data.shared) {
                    throw new FitFailedException("sparse-gig: the dual solver needs tasks that share their input "
                            + "rows (same rows, same order); use solver=primal or auto");
                }
                yield true;
            }
            case "primal" -> false;
            default -> data.shared && data.features > n;
        };
        return new VariationalState(data, groups.offsets(), rank, prior, params.getDouble("wishartDof"), dual,
                ctx.random("init"));
    }

    private static ModelSnapshot snapshot(int step, ElboTerms e, VariationalState s, SparseGigFit fit) {
        Map<String, Double> losses = new LinkedHashMap<>();
        losses.put("negative ELBO", -e.total());
        losses.put("negative expected log-likelihood", -e.likelihood());
        losses.put("KL(q ‖ prior)", e.kl());
        Map<String, Double> scalars = new LinkedHashMap<>();
        scalars.put("prior ω", s.prior.omega);
        scalars.put("prior χ", s.prior.chi);
        scalars.put("prior φ", s.prior.phi);
        scalars.put("noise σ² (standardised targets)", s.sigma2);
        scalars.put("τ", s.tau);
        return new ModelSnapshot(step, losses, scalars, fit.relatedness(), fit);
    }

}
