package org.mtlworkbench.model.sparse;

import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ParamValues;

/** Runs bare variational EM sweeps (no snapshots) for the benchmark; not part of the model's API. */
public final class SparseGigBenchAccess {

    private final VariationalState state;

    private SparseGigBenchAccess(VariationalState state) {
        this.state = state;
    }

    /** A fresh state on {@code ds} with contiguous groups of {@code groupSize} columns and rank {@code rank}. */
    public static SparseGigBenchAccess create(MultiTaskDataset ds, int groupSize, int rank) {
        ParamValues pv = new SparseGigFactory().defaults().withText("groups", FeatureGroups.BLOCKS)
                .withText("groupSize", Integer.toString(groupSize)).withText("rank", Integer.toString(rank));
        FeatureGroups groups = FeatureGroups.of(FeatureGroups.BLOCKS, groupSize, ds.featureNames());
        TaskData data = TaskData.of(ds, groups.permutation());
        return new SparseGigBenchAccess(SparseGigModel.newState(data, groups, pv, FitContext.headless(1)));
    }

    /** One sweep and the ELBO (as every fitting iteration computes it). */
    public double iterate() {
        state.sweep(true);
        return state.elbo().total();
    }
}
