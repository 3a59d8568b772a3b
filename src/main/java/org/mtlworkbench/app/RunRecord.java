package org.mtlworkbench.app;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.mtlworkbench.data.SplitSpec;
import org.mtlworkbench.experiment.PreparedData;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.train.RunResult;
import org.mtlworkbench.train.RunState;
import org.mtlworkbench.train.TraceRow;
import org.mtlworkbench.train.TrainingRun;

/** One run as the runs table keeps it: what was trained on what, and (once finished) how it went. */
final class RunRecord {

    private final int number;
    private final ModelFactory factory;
    private final ParamValues params;
    private final long seed;
    private final PreparedData data;
    private final SplitSpec split;
    private final String dataPath;
    private final GroundTruth truth;
    private final TrainingRun run;
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(RunState.NEW);
    private final ReadOnlyStringWrapper metrics = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper wall = new ReadOnlyStringWrapper("");
    /** The equation of the lesson step the run was started from, exported with its figures; null outside lessons. */
    private volatile org.mtlworkbench.export.render.Figure equation;

    RunRecord(int number, ModelFactory factory, ParamValues params, long seed, PreparedData data, SplitSpec split,
              String dataPath, GroundTruth truth, TrainingRun run) {
        this.number = number;
        this.factory = factory;
        this.params = params;
        this.seed = seed;
        this.data = data;
        this.split = split;
        this.dataPath = dataPath;
        this.truth = truth;
        this.run = run;
    }

    void setEquation(org.mtlworkbench.export.render.Figure f) {
        equation = f;
    }

    org.mtlworkbench.export.render.Figure equation() {
        return equation;
    }

    int number() {
        return number;
    }

    ModelFactory factory() {
        return factory;
    }

    ParamValues params() {
        return params;
    }

    long seed() {
        return seed;
    }

    PreparedData data() {
        return data;
    }

    SplitSpec split() {
        return split;
    }

    String dataPath() {
        return dataPath;
    }

    GroundTruth truth() {
        return truth;
    }

    TrainingRun run() {
        return run;
    }

    ReadOnlyObjectWrapper<RunState> stateProperty() {
        return state;
    }

    ReadOnlyStringWrapper metricsProperty() {
        return metrics;
    }

    ReadOnlyStringWrapper wallProperty() {
        return wall;
    }

    /** The trace so far (live) or at the end. */
    List<TraceRow> trace() {
        return run.result().map(RunResult::trace).orElseGet(run::trace);
    }

    /** Parameters that differ from the model's defaults, as name=value; "defaults" when none. */
    String paramSummary() {
        Map<String, Object> defaults = factory.defaults().asMap();
        String s = params.asMap().entrySet().stream().filter(e -> !e.getValue().equals(defaults.get(e.getKey())))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return s.isEmpty() ? "defaults" : s;
    }

    String label() {
        return "#" + number + " " + factory.id();
    }

    /** Called on the FX thread when the state changes or the run ends. */
    void refresh() {
        state.set(run.state());
        run.result().ifPresent(r -> {
            if (r.test() != null) {
                metrics.set(r.test().overall().entrySet().stream()
                        .filter(e -> !e.getKey().equals("rows") && !e.getKey().endsWith("_tasks"))
                        .map(e -> String.format(Locale.ROOT, "%s %.4g", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", ")));
            }
            wall.set(String.format(Locale.ROOT, "%.2f s", r.provenance().wallSeconds()));
        });
    }
}
