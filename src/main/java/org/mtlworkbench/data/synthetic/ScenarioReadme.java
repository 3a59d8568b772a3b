package org.mtlworkbench.data.synthetic;

import java.nio.file.Path;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;

/** The README.md written next to a scenario's files: what it is, how it was made, what every file holds. */
final class ScenarioReadme {

    private ScenarioReadme() {
    }

    static String text(GeneratedScenario g, Path data, Path taskFile) {
        MultiTaskDataset ds = g.dataset();
        AbstractScenario known = null;
        try {
            Scenario s = Scenarios.get(g.id());
            if (s instanceof AbstractScenario a) {
                known = a;
            }
        } catch (IllegalArgumentException notBuiltIn) {
            // a scenario from elsewhere: describe its keys without notes
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(g.title()).append("\n\n");
        sb.append(g.description()).append("\n\n");

        sb.append("## How it was generated\n\n");
        sb.append("Synthetic scenario `").append(g.id()).append("` of MTL Workbench (package ")
                .append("`org.mtlworkbench.data.synthetic`), seed `").append(g.seed()).append("`. ")
                .append("Regenerate it with the workbench's command line, `./mtlwb generate` ")
                .append("(scenario `").append(g.id()).append("`, seed `").append(g.seed())
                .append("`; `./mtlwb generate --help` lists the options). ")
                .append("The same seed gives byte-identical files; another seed gives new data with the same ")
                .append("planted structure. Every number is rounded to ").append(Scenarios.SIGNIFICANT_DIGITS)
                .append(" significant digits before it is used, so the files hold exactly the generated values.\n\n");

        sb.append("## Files\n\n");
        sb.append("- `").append(data.getFileName()).append("`: tidy CSV, ").append(ds.totalRows())
                .append(" rows. Columns: `task` (").append(ds.taskCount()).append(" tasks, ")
                .append(ds.taskNames().get(0)).append(" … ").append(ds.taskNames().get(ds.taskCount() - 1))
                .append("), `").append(ds.featureNames().get(0)).append("` … `")
                .append(ds.featureNames().get(ds.featureCount() - 1)).append("` (")
                .append(ds.featureCount()).append(" input features), ")
                .append(known != null ? known.targetNote() : "`target` ("
                        + ds.targetType().name().toLowerCase(java.util.Locale.ROOT) + ")")
                .append(".\n");
        if (taskFile != null) {
            sb.append("- `").append(taskFile.getFileName()).append("`: task features, one row per task: `task`, ")
                    .append(String.join(", ", ds.taskFeatureNames().stream().map(n -> "`" + n + "`").toList()))
                    .append(".\n");
        }
        sb.append("- `ground_truth.json`: what was planted, under `groundTruth` (below), with the scenario id, ")
                .append("title, seed and precision.\n\n");

        sb.append("## Ground truth (`ground_truth.json` → `groundTruth`)\n\n");
        Map<String, String> guide = known != null ? known.groundTruthGuide() : Map.of();
        for (String key : g.groundTruth().keySet()) {
            sb.append("- `").append(key).append('`');
            String note = guide.get(key);
            if (note != null) {
                sb.append(": ").append(note);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
