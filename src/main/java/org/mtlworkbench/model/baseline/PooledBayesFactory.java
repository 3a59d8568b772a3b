package org.mtlworkbench.model.baseline;

import java.util.List;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.MultiTaskModel;
import org.mtlworkbench.model.ParamSpec;
import org.mtlworkbench.model.ParamValues;

/** "pooled": one Bayesian linear or logistic regression fitted on all tasks' rows together, used for every task. */
public final class PooledBayesFactory implements ModelFactory {

    @Override
    public String id() {
        return "pooled";
    }

    @Override
    public String displayName() {
        return "Pooled Bayesian regression";
    }

    @Override
    public String description() {
        return "One Bayesian linear (regression) or Laplace logistic (classification) model on all tasks' rows, "
                + "as if the tasks were identical; the baseline that shares everything.";
    }

    @Override
    public List<ParamSpec> params() {
        return BaselineParams.common();
    }

    @Override
    public boolean supports(TargetType type) {
        return true;
    }

    @Override
    public MultiTaskModel create(ParamValues values) {
        return new BaselineModel(BaselineModel.Sharing.POOLED, false, values.getInt(BaselineParams.MAX_ITERATIONS),
                values.getDouble(BaselineParams.TOLERANCE), values.getDouble(BaselineParams.ALPHA), Form.AUTO);
    }
}
