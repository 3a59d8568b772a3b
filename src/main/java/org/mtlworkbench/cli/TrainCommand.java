package org.mtlworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mtlworkbench.experiment.DataPreparation;
import org.mtlworkbench.experiment.PreparedData;
import org.mtlworkbench.export.RunOutputs;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.train.RunConfig;
import org.mtlworkbench.train.RunResult;
import org.mtlworkbench.train.RunState;
import org.mtlworkbench.train.TrainingRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Trains one model on one split and writes metrics, trace, relatedness and provenance. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a model and write DIR/metrics.json, DIR/trace.csv, relatedness files and"
                + " DIR/provenance.json. The last line printed holds the mean test metrics.")
final class TrainCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "ID", description = "Model id (see 'mtlwb models').")
    String model;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A model parameter; repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--seed", defaultValue = "1", description = "Seed for the split and the model (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--eval-every", defaultValue = "0", paramLabel = "K",
            description = "Also compute train/test metrics every K steps into trace.csv (default: only at the end).")
    int evalEvery;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        ModelFactory factory = ModelRegistry.load().get(model);
        ParamValues values = ParamValues.parse(factory.params(), params);
        PreparedData data = DataPreparation.prepare(dataOptions.request(seed));
        CliText.checkSupported(factory, data);
        stdout.println(CliText.describeData(data));
        RunResult result;
        try (TrainingRun run = new TrainingRun(new RunConfig(factory, values, seed, evalEvery), data.split(),
                data.info())) {
            run.addListener(new ConsoleProgress(err));
            run.start();
            result = run.await();
        }
        RunOutputs.write(result, out);
        if (result.state() != RunState.COMPLETED) {
            err.println("mtlwb: training " + result.state().name().toLowerCase(java.util.Locale.ROOT)
                    + (result.error() == null ? "" : ": " + Main.oneLine(result.error().getMessage())));
            return 1;
        }
        stdout.println("wrote " + out.toAbsolutePath());
        stdout.println(CliText.meanLine(result));
        stdout.flush();
        return 0;
    }
}
