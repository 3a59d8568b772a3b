package org.mtlworkbench.app;

import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mtlworkbench.data.SplitSpec;
import org.mtlworkbench.experiment.DataPreparation;
import org.mtlworkbench.experiment.DataRequest;
import org.mtlworkbench.experiment.PreparedData;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.train.RunConfig;
import org.mtlworkbench.train.RunResult;
import org.mtlworkbench.train.RunState;
import org.mtlworkbench.train.TrainingRun;
import org.mtlworkbench.train.TrainingSnapshot;
import org.mtlworkbench.train.TraceRow;

/**
 * The state behind the training window: loads data off the FX thread, drives a {@link TrainingRun}, and drains
 * its latest snapshot at most once per frame into the charts. No model or training logic lives here.
 */
final class TrainingViewModel {

    private final ObjectProperty<RunState> state = new SimpleObjectProperty<>(RunState.NEW);
    private final StringProperty status = new SimpleStringProperty("Pick a sample data set and press Train.");
    private final CurveChart lossChart;
    private final CurveChart metricChart;
    private TrainingRun run;
    private int lastStepDrawn = -1;

    private final AnimationTimer drain = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drainOnce();
        }
    };

    TrainingViewModel(CurveChart lossChart, CurveChart metricChart) {
        this.lossChart = lossChart;
        this.metricChart = metricChart;
    }

    ReadOnlyObjectProperty<RunState> stateProperty() {
        return state;
    }

    ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** Loads the data set on a background thread, then starts training; returns at once. */
    void train(SampleDataSet sample, ModelFactory factory, long seed) {
        stop();
        lossChart.clear();
        metricChart.clear();
        lastStepDrawn = -1;
        state.set(RunState.RUNNING);
        status.set("Loading " + sample.title() + "…");
        Thread loader = new Thread(() -> {
            try {
                PreparedData data = DataPreparation.prepare(new DataRequest(sample.csv(), sample.tasksCsv(), null,
                        SplitSpec.fraction(0.5, seed)));
                TrainingRun created = new TrainingRun(new RunConfig(factory, factory.defaults(), seed, 1),
                        data.split(), data.info());
                String what = data.full().targetType().name().toLowerCase(java.util.Locale.ROOT)
                        + (data.targetTypeDetected() ? ", detected" : "");
                Platform.runLater(() -> begin(created, sample.title() + " (" + what + ")", factory));
            } catch (Exception e) {
                Platform.runLater(() -> fail(e));
            }
        }, "data-loader");
        loader.setDaemon(true);
        loader.start();
    }

    private void begin(TrainingRun created, String dataDescription, ModelFactory factory) {
        run = created;
        status.set("Training " + factory.displayName() + " on " + dataDescription + "…");
        run.start();
        drain.start();
    }

    private void fail(Exception e) {
        state.set(RunState.FAILED);
        status.set("Could not load the data: " + e.getMessage());
    }

    void pause() {
        if (run != null) {
            run.pause();
        }
    }

    void resume() {
        if (run != null) {
            run.resume();
        }
    }

    void step() {
        if (run != null) {
            run.step();
        }
    }

    void stop() {
        if (run != null) {
            run.cancel();
        }
    }

    /**
     * One drain: the trace rows not drawn yet into the charts (every step, so curves have no gaps even when the
     * snapshot holder coalesced), and the run's state into the properties.
     */
    void drainOnce() {
        if (run == null) {
            return;
        }
        TrainingSnapshot s = run.latest().poll();
        drawNewRows();
        RunState now = run.state();
        state.set(now);
        if (now.isFinished()) {
            drain.stop();
            drawNewRows();
            run.result().ifPresent(this::finish);
        } else if (s != null) {
            status.set(now == RunState.PAUSED ? "Paused at step " + s.step() : "Step " + s.step());
        }
    }

    private void drawNewRows() {
        java.util.List<TraceRow> rows = run.trace();
        for (TraceRow row : rows) {
            if (row.step() <= lastStepDrawn) {
                continue;
            }
            row.losses().forEach((k, v) -> lossChart.add(k, row.step(), v));
            row.testMetrics().forEach((k, v) -> {
                if (isPlottedMetric(k)) {
                    metricChart.add("test " + k, row.step(), v);
                }
            });
            row.trainMetrics().forEach((k, v) -> {
                if (isPlottedMetric(k)) {
                    metricChart.add("train " + k, row.step(), v);
                }
            });
            lastStepDrawn = row.step();
        }
    }

    private static boolean isPlottedMetric(String name) {
        return name.equals("rmse") || name.equals("auc") || name.equals("accuracy");
    }

    private void finish(RunResult r) {
        StringBuilder sb = new StringBuilder(r.state().name().toLowerCase(java.util.Locale.ROOT));
        if (r.test() != null) {
            r.test().overall().forEach((k, v) -> {
                if (isPlottedMetric(k)) {
                    sb.append(String.format(java.util.Locale.ROOT, "  test %s %.4f", k, v));
                }
            });
        }
        if (r.error() != null) {
            sb.append(": ").append(r.error().getMessage());
        }
        status.set(sb.toString());
    }

    /** For tests: runs {@code action} with the current run, if any. */
    void withRun(Consumer<TrainingRun> action) {
        if (run != null) {
            action.accept(run);
        }
    }

    int pointsDrawn() {
        return lossChart.totalPoints() + metricChart.totalPoints();
    }
}
