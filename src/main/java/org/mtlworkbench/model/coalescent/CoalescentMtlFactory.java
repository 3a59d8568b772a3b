package org.mtlworkbench.model.coalescent;

import java.util.List;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.MultiTaskModel;
import org.mtlworkbench.model.ParamSpec;
import org.mtlworkbench.model.ParamValues;

/** {@code coalescent-mtl}: per-task prior scales (log standard deviations) diffusing down a latent coalescent tree, a global weight correlation shared (Daumé 2009, MTL model). */
public final class CoalescentMtlFactory implements ModelFactory {

    @Override
    public String id() {
        return "coalescent-mtl";
    }

    @Override
    public String displayName() {
        return "Coalescent hierarchy: shared covariance (Daumé)";
    }

    @Override
    public String description() {
        return "Learns a tree over the tasks; the scale of each weight drifts down it and all tasks share one weight correlation. "
                + "Linear-Gaussian regression or binary logistic classification.";
    }

    @Override
    public String reference() {
        return "H. Daumé III. Bayesian multitask learning with latent hierarchies. UAI 2009 (arXiv:0907.0783)";
    }

    @Override
    public List<ParamSpec> params() {
        return CoalescentSettings.params(100, "full");
    }

    @Override
    public boolean supports(TargetType type) {
        return true;
    }

    @Override
    public MultiTaskModel create(ParamValues values) {
        return new CoalescentModel(CoalescentModel.Variant.MULTI_TASK, CoalescentSettings.from(values));
    }
}
