package org.mtlworkbench.experiment.setup;

import java.nio.file.Path;
import org.mtlworkbench.data.DataImportException;
import org.mtlworkbench.experiment.DataPreparation;
import org.mtlworkbench.experiment.PreparedData;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.train.RunConfig;
import org.mtlworkbench.train.RunResult;
import org.mtlworkbench.train.TrainingRun;

/** Trains a set-up headless, start to finish: what the GUI does when Start is pressed on the same set-up. */
public final class SetupRunner {

    private SetupRunner() {
    }

    /** The model's defaults overridden by the set-up's parameters; unknown models are an error. */
    public static ParamValues params(Setup s, ModelFactory f) {
        return s.model().toModelRef().toParamValues(f);
    }

    public static ModelFactory factory(Setup s, ModelRegistry registry) {
        ModelFactory f = registry.all().stream().filter(m -> m.id().equals(s.model().id())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the model \"" + s.model().id()
                        + "\" is not installed"));
        return f;
    }

    /** Rows evaluated every step for small data, every tenth for large (as the GUI does). */
    public static int evalEvery(PreparedData p) {
        return p.full().totalRows() <= 20_000 ? 1 : 10;
    }

    /** Prepares the data and trains; blocks until the run ends. */
    public static RunResult train(Setup s, SetupData data, ModelFactory f) throws DataImportException,
            InterruptedException {
        return train(DataPreparation.prepare(data.request(s)), f, params(s, f), s.seedOr1());
    }

    /** Trains on prepared data; blocks until the run ends. */
    public static RunResult train(PreparedData prepared, ModelFactory f, ParamValues params, long seed)
            throws InterruptedException {
        try (TrainingRun run = new TrainingRun(new RunConfig(f, params, seed, evalEvery(prepared)), prepared.split(),
                prepared.info())) {
            run.start();
            return run.await();
        }
    }

    public static RunResult train(Setup s, Path samples, Path scratch, ModelRegistry registry) throws Exception {
        return train(s, SetupData.resolve(s.data(), samples, scratch), factory(s, registry));
    }
}
