package org.mtlworkbench.data.synthetic;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.mtlworkbench.data.MultiTaskDataset;

/**
 * Writes a generated scenario into {@code DIR/<id>/}: the tidy CSV {@code <id>.csv}, the task-feature CSV
 * {@code <id>_tasks.csv} when the data set has task features, {@code ground_truth.json} and a {@code README.md}.
 * The output depends only on the scenario and the seed: the same seed gives byte-identical files.
 */
public final class ScenarioWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultPrettyPrinter PRETTY =
            new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private ScenarioWriter() {
    }

    /**
     * Writes one scenario into {@code dir/<id>/} (created if needed; existing files of the same names are replaced).
     *
     * @return the files written, data first
     */
    public static List<Path> write(GeneratedScenario g, Path dir) throws IOException {
        Path folder = dir.resolve(g.id());
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        MultiTaskDataset ds = g.dataset();

        Path data = folder.resolve(g.id() + ".csv");
        // the data are already rounded to SIGNIFICANT_DIGITS, so exact writing prints at most that many digits
        TidyCsvWriter.write(ds, data, TidyCsvWriter.EXACT);
        written.add(data);
        Path taskFile = null;
        if (ds.hasTaskFeatures()) {
            taskFile = folder.resolve(g.id() + "_tasks.csv");
            TidyCsvWriter.writeTaskFeatures(ds, taskFile, TidyCsvWriter.EXACT);
            written.add(taskFile);
        }

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", g.id());
        root.put("title", g.title());
        root.put("seed", g.seed());
        root.put("significantDigits", Scenarios.SIGNIFICANT_DIGITS);
        Map<String, Object> files = new LinkedHashMap<>();
        files.put("data", data.getFileName().toString());
        if (taskFile != null) {
            files.put("taskFeatures", taskFile.getFileName().toString());
        }
        root.put("files", files);
        root.put("groundTruth", stable(g.groundTruth(), true));
        Path json = folder.resolve("ground_truth.json");
        Files.writeString(json, JSON.writer(PRETTY).writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        written.add(json);

        Path readme = folder.resolve("README.md");
        Files.writeString(readme, ScenarioReadme.text(g, data, taskFile), StandardCharsets.UTF_8);
        written.add(readme);
        return written;
    }

    /** Generates every scenario with {@code seed} and writes each into {@code dir/<id>/}. */
    public static List<Path> writeAll(Path dir, long seed) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Scenario s : Scenarios.all()) {
            written.addAll(write(s.generate(seed), dir));
        }
        return written;
    }

    /**
     * Copies maps so that key order is stable: insertion order for maps that keep one (LinkedHashMap, sorted maps,
     * and the ground-truth map itself, which {@link GeneratedScenario} keeps in insertion order), sorted keys for
     * any other map, whose iteration order may change from run to run.
     */
    private static Map<String, Object> stable(Map<?, ?> map, boolean ordered) {
        Map<String, Object> out = ordered ? new LinkedHashMap<>() : new TreeMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), stable(v)));
        return ordered ? out : new LinkedHashMap<>(out);
    }

    private static Object stable(Object value) {
        if (value instanceof Map<?, ?> map) {
            return stable(map, map instanceof LinkedHashMap || map instanceof SortedMap);
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) {
                out.add(stable(o));
            }
            return out;
        }
        return value;
    }
}
