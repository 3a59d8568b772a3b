package org.mtlworkbench.model.sparse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.synthetic.Scenarios;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.ParamValues;

/** The ELBO never decreases: checked after every single factor and hyper-parameter update, for every prior. */
class ElboMonotoneTest {

    @ParameterizedTest
    @ValueSource(strings = {"general-gig", "student-t", "laplace", "ard", "nig"})
    void everyUpdateIsAnAscentStep(String preset) {
        MultiTaskDataset ds = Scenarios.get("sparse").generate(3).dataset();
        ParamValues pv = new SparseGigFactory().defaults().withText("prior", preset)
                .withText("groups", "blocks").withText("groupSize", "2");
        FeatureGroups groups = FeatureGroups.of("blocks", 2, ds.featureNames());
        TaskData data = TaskData.of(ds, groups.permutation());
        VariationalState s = SparseGigModel.newState(data, groups, pv, FitContext.headless(11));
        s.sweep(true);
        List<String> names = List.of("W", "Z", "V", "Omega", "gamma", "sigma2", "tau", "prior");
        List<Runnable> steps = List.of(s::updateW, s::updateZ, s::updateV, s::updateLambda, s::updateGamma,
                s::updateNoise, s::updateTau, s::updatePrior);
        double prev = s.elbo().total();
        List<Double> trace = new ArrayList<>();
        for (int it = 0; it < 40; it++) {
            for (int j = 0; j < steps.size(); j++) {
                steps.get(j).run();
                double e = s.elbo().total();
                assertThat(e).as("%s: ELBO after %s update, iteration %d", preset, names.get(j), it)
                        .isGreaterThanOrEqualTo(prev - 1e-9 * Math.abs(prev));
                prev = e;
            }
            trace.add(prev);
        }
        System.out.println(preset + " ELBO: " + trace.get(0) + " → " + trace.get(trace.size() - 1)
                + " gamma " + java.util.Arrays.toString(s.gammaMeans()) + " prior " + s.prior.omega + " "
                + s.prior.chi + " " + s.prior.phi + " tau " + s.tau + " s2 " + s.sigma2);
    }
}
