package org.mtlworkbench.train;

import java.util.Objects;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ParamValues;

/**
 * What to train.
 *
 * @param factory   the model family
 * @param params    its checked hyper-parameters
 * @param seed      the run's seed (handed to the model's {@link org.mtlworkbench.model.FitContext})
 * @param evalEvery compute train/test metrics at every k-th reported step (and always at the end);
 *                  0 = only at the end
 */
public record RunConfig(ModelFactory factory, ParamValues params, long seed, int evalEvery) {

    public RunConfig {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(params, "params");
        if (evalEvery < 0) {
            throw new IllegalArgumentException("evalEvery must be >= 0, not " + evalEvery);
        }
    }

    /** The factory's default parameters, evaluation only at the end. */
    public static RunConfig defaults(ModelFactory factory, long seed) {
        return new RunConfig(factory, factory.defaults(), seed, 0);
    }
}
