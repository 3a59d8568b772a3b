package org.mtlworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mtlworkbench.data.ImportedData;
import org.mtlworkbench.experiment.DataPreparation;
import org.mtlworkbench.experiment.PreparedData;
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

/** Runs several models on the same splits and seeds and prints mean ± sd of the test metrics. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train several models on the same splits and seeds; print a table of test metrics"
                + " (mean ± sd over seeds). Seed s draws split s (unless the split is fixed by a file or column)"
                + " and seeds the models.")
final class CompareCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--models", required = true, split = ",", paramLabel = "ID[,ID...]",
            description = "Model ids to compare, comma-separated.")
    List<String> models;

    @Option(names = "--param", paramLabel = "MODEL.NAME=VALUE",
            description = "A parameter of one model, e.g. independent.shareHyperparameters=false; repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--seeds", defaultValue = "5", paramLabel = "N", description = "Seeds 1..N (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "1", paramLabel = "S",
            description = "First seed (default: ${DEFAULT-VALUE}): seeds S..S+N-1, e.g. to explore settings on seeds"
                    + " other than the reported ones.")
    int firstSeed;

    @Mixin
    DataOptions dataOptions;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write every run's metrics to this CSV file.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (seeds < 1) {
            throw new BadInputException("--seeds must be at least 1");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ModelRegistry registry = ModelRegistry.load();
        List<ModelFactory> factories = new ArrayList<>();
        Map<String, ParamValues> values = new LinkedHashMap<>();
        for (String id : models) {
            ModelFactory f = registry.get(id.trim());
            factories.add(f);
            values.put(f.id(), ParamValues.parse(f.params(), paramsFor(f.id())));
        }
        Map<String, Map<String, List<Double>>> byModel = new LinkedHashMap<>();
        List<String> csv = new ArrayList<>();
        Set<String> metricNames = new LinkedHashSet<>();
        String described = null;
        ImportedData imported = DataPreparation.load(dataOptions.request(1));
        for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
            PreparedData data = DataPreparation.split(imported, dataOptions.request(seed));
            if (described == null) {
                described = CliText.describeData(data);
                stdout.println(described);
                stdout.flush();
            }
            for (ModelFactory f : factories) {
                CliText.checkSupported(f, data);
                RunResult r;
                try (TrainingRun run = new TrainingRun(new RunConfig(f, values.get(f.id()), seed, 0), data.split(),
                        data.info())) {
                    run.start();
                    r = run.await();
                }
                if (r.state() != RunState.COMPLETED) {
                    err.println("mtlwb: " + f.id() + " seed " + seed + " " + r.state()
                            + (r.error() == null ? "" : ": " + Main.oneLine(r.error().getMessage())));
                    return 1;
                }
                Map<String, List<Double>> m = byModel.computeIfAbsent(f.id(), k -> new LinkedHashMap<>());
                for (Map.Entry<String, Double> e : r.test().overall().entrySet()) {
                    m.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
                    metricNames.add(e.getKey());
                    csv.add(f.id() + "," + seed + "," + e.getKey() + "," + e.getValue());
                }
                err.printf(Locale.ROOT, "  seed %d %-12s %s%n", seed, f.id(), CliText.meanLine(r));
                err.flush();
            }
        }
        printTable(stdout, byModel, metricNames);
        if (out != null) {
            writeCsv(csv);
        }
        return 0;
    }

    private Map<String, String> paramsFor(String id) {
        Map<String, String> own = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            int dot = e.getKey().indexOf('.');
            if (dot < 0) {
                throw new BadInputException("--param " + e.getKey() + ": write MODEL.NAME=VALUE");
            }
            if (e.getKey().substring(0, dot).equals(id)) {
                own.put(e.getKey().substring(dot + 1), e.getValue());
            }
        }
        return own;
    }

    private void printTable(PrintWriter out, Map<String, Map<String, List<Double>>> byModel, Set<String> metrics) {
        List<String> shown = metrics.stream().filter(m -> !m.equals("rows") && !m.endsWith("_tasks")).toList();
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-14s", "model"));
        for (String m : shown) {
            head.append(String.format(Locale.ROOT, "  %-22s", m));
        }
        out.println();
        out.println("test metrics, mean ± sd over " + seeds + " seed" + (seeds == 1 ? "" : "s") + ":");
        out.println(head.toString().stripTrailing());
        for (Map.Entry<String, Map<String, List<Double>>> e : byModel.entrySet()) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-14s", e.getKey()));
            for (String m : shown) {
                List<Double> v = e.getValue().getOrDefault(m, List.of());
                row.append(String.format(Locale.ROOT, "  %-22s", Stats.meanSd(v)));
            }
            out.println(row.toString().stripTrailing());
        }
        out.flush();
    }

    private void writeCsv(List<String> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("model,seed,metric,value");
        lines.addAll(rows);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, lines, StandardCharsets.UTF_8);
    }
}
