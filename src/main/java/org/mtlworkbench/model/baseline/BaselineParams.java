package org.mtlworkbench.model.baseline;

import java.util.List;
import org.mtlworkbench.model.ParamSpec;

/** The hyper-parameters the baselines share. */
final class BaselineParams {

    static final String MAX_ITERATIONS = "maxIterations";
    static final String TOLERANCE = "tolerance";
    static final String ALPHA = "alpha";
    static final String SHARE = "shareHyperparameters";

    private BaselineParams() {
    }

    static List<ParamSpec> common() {
        return List.of(
                ParamSpec.ofInt(MAX_ITERATIONS, 100, 1, 100_000,
                        "evidence-maximisation iterations at most (each re-estimates α, β and the posterior)"),
                ParamSpec.ofDouble(TOLERANCE, 1e-6, 1e-12, 1e-1,
                        "stop when log α and log β change by less than this in an iteration").withLogScale(),
                ParamSpec.ofDouble(ALPHA, 0.0, 0.0, 1e10,
                        "prior precision α of the weights held fixed; 0 = fitted by evidence maximisation"));
    }
}
