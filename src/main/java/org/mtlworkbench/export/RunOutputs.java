package org.mtlworkbench.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.GroupSparsity;
import org.mtlworkbench.relatedness.RelatednessView;
import org.mtlworkbench.relatedness.TaskMatrix;
import org.mtlworkbench.relatedness.TaskTree;
import org.mtlworkbench.train.Evaluation;
import org.mtlworkbench.train.Provenance;
import org.mtlworkbench.train.RunResult;
import org.mtlworkbench.train.TaskMetrics;

/**
 * Writes what a run produced into a folder: {@code metrics.json}, {@code trace.csv}, one file per relatedness view
 * of the final model (matrices as CSV, trees as Newick, named after the view's title) and {@code provenance.json}.
 * Every file is written atomically; existing files of the same names are replaced.
 */
public final class RunOutputs {

    public static final String METRICS = "metrics.json";
    public static final String TRACE = "trace.csv";
    public static final String PROVENANCE = "provenance.json";

    private RunOutputs() {
    }

    /** {@link #write(RunResult, MultiTaskDataset, Path)} without a description of the data set. */
    public static List<Path> write(RunResult r, Path dir) throws IOException {
        return write(r, null, dir);
    }

    /**
     * Writes the run's outputs into {@code dir} (created when missing).
     *
     * @param data the data set the run used, for its description in metrics.json (name, size, target type,
     *             labels); may be null
     * @return the files written, in order
     */
    public static List<Path> write(RunResult r, MultiTaskDataset data, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        Path metrics = dir.resolve(METRICS);
        JsonNodes.write(metricsJson(r, data), metrics);
        written.add(metrics);
        Path trace = dir.resolve(TRACE);
        TraceCsv.write(r.trace(), trace);
        written.add(trace);
        written.addAll(writeViews(r.model() == null ? List.of() : r.model().relatedness(), dir));
        Path provenance = dir.resolve(PROVENANCE);
        JsonNodes.write(ProvenanceJson.toJson(r.provenance()), provenance);
        written.add(provenance);
        return written;
    }

    /** Writes each view to a file named after its title (unique within {@code dir}'s fixed outputs). */
    public static List<Path> writeViews(List<RelatednessView> views, Path dir) throws IOException {
        Set<String> taken = new HashSet<>(Set.of(METRICS, TRACE, PROVENANCE));
        List<Path> written = new ArrayList<>();
        for (RelatednessView v : views) {
            String ext = v instanceof TaskTree ? ".nwk" : ".csv";
            Path file = dir.resolve(Slugs.uniqueFileName(v.title(), ext, taken));
            if (v instanceof TaskMatrix m) {
                MatrixCsv.write(m, file);
            } else if (v instanceof AllocationMatrix a) {
                MatrixCsv.write(a, file);
            } else if (v instanceof GroupSparsity g) {
                MatrixCsv.write(g, file);
            } else if (v instanceof TaskTree t) {
                NewickFile.write(t, file);
            } else {
                throw new IllegalArgumentException("unknown relatedness view " + v.getClass().getName());
            }
            written.add(file);
        }
        return written;
    }

    /** The content of metrics.json. */
    public static ObjectNode metricsJson(RunResult r, MultiTaskDataset data) {
        Provenance p = r.provenance();
        ObjectNode o = JsonNodes.object();
        o.put("model", p.modelId());
        o.set("params", JsonNodes.params(p.params()));
        o.put("state", r.state().name());
        ObjectNode d = ProvenanceJson.data(p.data());
        d.remove("split");
        if (data != null) {
            d.put("name", data.name());
            d.put("targetType", data.targetType().name().toLowerCase(Locale.ROOT));
            d.put("tasks", data.taskCount());
            d.put("rows", data.totalRows());
            d.put("features", data.featureCount());
            if (data.isClassification()) {
                ArrayNode labels = d.putArray("classLabels");
                data.classLabels().forEach(labels::add);
            }
        }
        o.set("data", d);
        o.put("seed", p.seed());
        o.put("split", p.data() == null ? null : p.data().splitDescription());
        Evaluation test = r.test();
        Evaluation train = r.train();
        o.set("mean", JsonNodes.numbers(test == null ? null : test.overall()));
        o.set("taskAverage", JsonNodes.numbers(test == null ? null : test.taskAverage()));
        o.set("train", JsonNodes.numbers(train == null ? null : train.overall()));
        o.set("trainTaskAverage", JsonNodes.numbers(train == null ? null : train.taskAverage()));
        ArrayNode tasks = o.putArray("tasks");
        if (test != null) {
            for (TaskMetrics tm : test.perTask()) {
                ObjectNode t = tasks.addObject();
                t.put("task", tm.task());
                t.put("rows", tm.rows());
                for (Map.Entry<String, Double> e : tm.values().entrySet()) {
                    JsonNodes.putNumber(t, e.getKey(), e.getValue());
                }
            }
        }
        if (p.error() != null) {
            o.put("error", p.error());
        }
        return o;
    }
}
