package org.mtlworkbench.model.coalescent;

import java.util.List;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.MultiTaskModel;
import org.mtlworkbench.model.ParamSpec;
import org.mtlworkbench.model.ParamValues;

/** {@code coalescent-da}: task weight vectors diffusing down a latent coalescent tree (Daumé 2009, DA model). */
public final class CoalescentDaFactory implements ModelFactory {

    @Override
    public String id() {
        return "coalescent-da";
    }

    @Override
    public String displayName() {
        return "Coalescent hierarchy: shared weights (Daumé)";
    }

    @Override
    public String description() {
        return "Learns a tree over the tasks; task weights drift down it, so tasks that split late share weights. "
                + "Linear-Gaussian regression or binary logistic classification.";
    }

    @Override
    public String reference() {
        return "H. Daumé III. Bayesian multitask learning with latent hierarchies. UAI 2009 (arXiv:0907.0783)";
    }

    @Override
    public List<ParamSpec> params() {
        // Diagonal by default: with tasks not much more numerous than inputs a full Λ is poorly determined and its
        // spurious correlations mislead the tree (one planted 8-task tree in five was lost with full).
        return CoalescentSettings.params(100, "diagonal");
    }

    @Override
    public boolean supports(TargetType type) {
        return true;
    }

    @Override
    public MultiTaskModel create(ParamValues values) {
        return new CoalescentModel(CoalescentModel.Variant.DOMAIN_ADAPTATION, CoalescentSettings.from(values));
    }
}
