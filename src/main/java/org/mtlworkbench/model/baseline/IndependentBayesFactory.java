package org.mtlworkbench.model.baseline;

import java.util.ArrayList;
import java.util.List;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.MultiTaskModel;
import org.mtlworkbench.model.ParamSpec;
import org.mtlworkbench.model.ParamValues;

/** "independent": one Bayesian linear or logistic regression per task, nothing shared between tasks' weights. */
public final class IndependentBayesFactory implements ModelFactory {

    /** Default of shareHyperparameters, chosen by measurement (docs/decisions/0004-baselines.md). */
    static final boolean SHARE_BY_DEFAULT = true;

    @Override
    public String id() {
        return "independent";
    }

    @Override
    public String displayName() {
        return "Independent Bayesian regression";
    }

    @Override
    public String description() {
        return "One Bayesian linear (regression) or Laplace logistic (classification) model per task, prior and "
                + "noise precision by evidence maximisation; the baseline that shares nothing.";
    }

    @Override
    public List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>(BaselineParams.common());
        p.add(ParamSpec.ofBoolean(BaselineParams.SHARE, SHARE_BY_DEFAULT,
                "one α (and β) for all tasks, fitted on the summed evidence; the weights stay per task"));
        return List.copyOf(p);
    }

    @Override
    public boolean supports(TargetType type) {
        return true;
    }

    @Override
    public MultiTaskModel create(ParamValues values) {
        return new BaselineModel(BaselineModel.Sharing.INDEPENDENT, values.getBoolean(BaselineParams.SHARE),
                values.getInt(BaselineParams.MAX_ITERATIONS), values.getDouble(BaselineParams.TOLERANCE),
                values.getDouble(BaselineParams.ALPHA), Form.AUTO);
    }
}
