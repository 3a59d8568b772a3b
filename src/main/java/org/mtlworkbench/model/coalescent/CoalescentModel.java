package org.mtlworkbench.model.coalescent;

import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.MultiTaskModel;

/** A configured coalescent model of either variant; one instance per fit. Deterministic: uses no randomness. */
public final class CoalescentModel implements MultiTaskModel {

    /** Which quantity diffuses down the tree. */
    public enum Variant {
        /** Task weight vectors diffuse (shares classifier structure). */
        DOMAIN_ADAPTATION,
        /** Log standard deviations of the weight prior diffuse; a global correlation R is shared. */
        MULTI_TASK
    }

    private final Variant variant;
    private final CoalescentSettings settings;

    CoalescentModel(Variant variant, CoalescentSettings settings) {
        this.variant = variant;
        this.settings = settings;
    }

    @Override
    public FittedModel fit(MultiTaskDataset train, FitContext ctx) {
        CoalescentEm em = variant == Variant.DOMAIN_ADAPTATION ? new DomainAdaptationEm(train, settings)
                : new MultiTaskEm(train, settings);
        return em.run(ctx);
    }
}
