package org.mtlworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mtlworkbench.data.synthetic.GeneratedScenario;
import org.mtlworkbench.data.synthetic.Scenario;
import org.mtlworkbench.data.synthetic.ScenarioWriter;
import org.mtlworkbench.data.synthetic.Scenarios;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes the synthetic scenarios with their ground truth. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write the synthetic scenarios (data, ground truth, description) into a folder.")
final class GenerateCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", defaultValue = "sample-data", paramLabel = "DIR",
            description = "Folder to write into (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "Seed (default: the bundled samples' seed).")
    Long seed;

    @Option(names = "--only", split = ",", paramLabel = "ID[,ID...]", description = "Only these scenarios.")
    List<String> only;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        long s = seed == null ? Scenarios.DEFAULT_SEED : seed;
        List<Scenario> chosen = new ArrayList<>();
        if (only == null || only.isEmpty()) {
            chosen.addAll(Scenarios.all());
        } else {
            for (String id : only) {
                chosen.add(Scenarios.get(id.trim()));
            }
        }
        for (Scenario sc : chosen) {
            GeneratedScenario g = sc.generate(s);
            List<Path> files = ScenarioWriter.write(g, out);
            stdout.printf("%-12s %d tasks, %d rows -> %s%n", sc.id(), g.dataset().taskCount(),
                    g.dataset().totalRows(), files.isEmpty() ? out : files.get(0).getParent());
        }
        stdout.flush();
        return 0;
    }
}
