package org.mtlworkbench.app;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.mtlworkbench.model.ParamSpec;
import org.mtlworkbench.model.ParamType;
import org.mtlworkbench.train.Evaluation;
import org.mtlworkbench.train.RunState;
import org.mtlworkbench.train.TaskMetrics;
import org.mtlworkbench.train.TraceChunk;
import org.mtlworkbench.train.TraceRow;
import org.mtlworkbench.train.TrainingRun;
import org.mtlworkbench.train.TrainingSnapshot;

/**
 * Drives the current run on screen: an AnimationTimer takes the newest snapshot at most 15 times a second (the
 * FX thread never waits on training: {@link TrainingRun#latest()} and {@link TrainingRun#trace()} return at once),
 * draws the trace rows not drawn yet into the curves, the views into the relatedness pane, and updates progress and
 * status. The figures are drawn on {@link FigureRenderThread}; the draw hook fires when their pixels are on screen.
 * No model or training logic lives here.
 */
final class TrainingViewModel {

    /** Minimum time between two draws: at most 15 snapshots a second are drawn (on the render thread). */
    static final long DRAW_INTERVAL_NANOS = 66_000_000L;
    /** Relatedness views (several figures, slow to change) are redrawn at most five times a second. */
    static final long VIEWS_INTERVAL_NANOS = 200_000_000L;
    /**
     * Status and progress text while running at most 5 times a second: each change re-lays out the window on the FX
     * thread, and numbers changing faster cannot be read anyway (decision 0043).
     */
    static final long TEXT_INTERVAL_NANOS = 200_000_000L;
    private static final Set<String> STEP_PARAMS = Set.of("maxIterations", "iterations", "maxIter", "steps",
            "epochs", "nSteps", "numSteps", "maxSteps");

    /** Told the step and the time (System.nanoTime) at which a snapshot's step reached the screen (pixels copied). */
    interface DrawHook {
        void drawn(int step, long nanos);
    }

    private final CurvesPane curves;
    private final RelatednessPane views;
    private final ObjectProperty<RunState> state = new SimpleObjectProperty<>(RunState.NEW);
    private final StringProperty status = new SimpleStringProperty("Pick a data set and a model, then press Start.");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final List<TrainingSnapshot> evaluated = new ArrayList<>();
    private final Set<String> metricNames = new LinkedHashSet<>();
    /** Drawn steps waiting for their pixels: {step, redraw request number} (FigureView.requestCount). */
    private final ArrayDeque<long[]> awaitingScreen = new ArrayDeque<>();
    private RunRecord current;
    private int lastStepDrawn = -1;
    /** Reports read so far, the cursor for TrainingRun.traceSince: each poll copies only newer rows (0043, 0044). */
    private long traceRead;
    private boolean modelReportsTau;
    /**
     * A τ the user set that the model's reported τ has not shown yet: the curves are marked at the first step that
     * reports it. Only the user's changes are marked, not a schedule's: a decaying τ changes at every step, and a
     * marker per step covered the chart and took most of the render thread's time (decision 0044).
     */
    private Double knobTau;
    private String meanMetric;
    private String[] meanNames;
    private long lastDraw;
    private long lastViews;
    private long lastText;
    /** The newest snapshot whose step and progress are not shown yet (text is throttled while running). */
    private TrainingSnapshot textPending;
    private Runnable onFinished = () -> { };
    private DrawHook drawHook = (s, n) -> { };
    private java.util.function.BooleanSupplier viewsShown = () -> true;
    private java.util.function.BooleanSupplier curvesShown = () -> true;

    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (now - lastDraw < DRAW_INTERVAL_NANOS) {
                return;
            }
            lastDraw = now;
            drainOnce();
        }
    };

    TrainingViewModel(CurvesPane curves, RelatednessPane views) {
        this.curves = curves;
        this.views = views;
        curves.metric.valueProperty().addListener((o, a, b) -> redrawMetrics());
        curves.perTask.selectedProperty().addListener((o, a, b) -> redrawMetrics());
        curves.tau.setOnChange(this::tauChanged);
        curves.lossViewer.setOnShown(this::screenReached);
        curves.metricViewer.setOnShown(this::screenReached);
        views.setOnShown(this::screenReached);
    }

    /** A view's pixels up to redraw request {@code seq} are on screen: the steps drawn by then have arrived. */
    private void screenReached(long seq) {
        long now = System.nanoTime();
        while (!awaitingScreen.isEmpty() && awaitingScreen.peek()[1] <= seq) {
            drawHook.drawn((int) awaitingScreen.poll()[0], now);
        }
    }

    ObjectProperty<RunState> stateProperty() {
        return state;
    }

    StringProperty statusProperty() {
        return status;
    }

    DoubleProperty progressProperty() {
        return progress;
    }

    StringProperty progressTextProperty() {
        return progressText;
    }

    RunRecord current() {
        return current;
    }

    void setOnFinished(Runnable r) {
        onFinished = r;
    }

    void setDrawHook(DrawHook h) {
        drawHook = h;
    }

    /** Views are drawn only while they are on screen (drawing hidden canvases costs the FX thread for nothing). */
    void setViewsShown(java.util.function.BooleanSupplier shown) {
        viewsShown = shown;
    }

    /** Curves are redrawn only while they are on screen; {@link #refreshCurves()} when they come into view. */
    void setCurvesShown(java.util.function.BooleanSupplier shown) {
        curvesShown = shown;
    }

    void refreshCurves() {
        curves.loss.endBatch(true);
        curves.metrics.endBatch(true);
    }

    /** For the frame benchmark's control phase: stops (or restarts) drawing while the run goes on. */
    void suspendDrawing(boolean suspend) {
        if (suspend) {
            timer.stop();
        } else if (current != null && !current.run().state().isFinished()) {
            timer.start();
        }
    }

    /** Shows the newest snapshot's views now (when their tab comes into view). */
    void refreshViews() {
        if (current != null) {
            TrainingSnapshot s = current.run().latest().peek();
            if (s != null) {
                views.show(s.views(), current.truth(), false);
            }
        }
    }

    /** Shows {@code r} from its start and starts it; returns at once. */
    void start(RunRecord r) {
        if (current != null) {
            current.run().cancel();
        }
        current = r;
        resetDrawing();
        double tau0 = TauControl.tauSpec(r.factory()).map(p -> r.params().getDouble(p.name())).orElse(1.0);
        curves.tau.configure(r.factory(), tau0);
        if (TauControl.tauSpec(r.factory()).isPresent()) {
            curves.loss.setSubtitle(String.format(Locale.ROOT, "τ = %.3g", tau0));
        }
        status.set("Training " + r.factory().displayName() + " on " + r.data().full().name() + "…");
        r.run().start();
        state.set(RunState.RUNNING);
        timer.start();
    }

    private void resetDrawing() {
        curves.clear();
        evaluated.clear();
        metricNames.clear();
        awaitingScreen.clear();
        curves.metric.getItems().clear();
        lastStepDrawn = -1;
        traceRead = 0;
        textPending = null;
        lastText = 0;
        knobTau = null;
        modelReportsTau = false;
        progress.set(0);
        progressText.set("");
    }

    void pauseOrResume() {
        if (current == null) {
            return;
        }
        if (current.run().state() == RunState.PAUSED) {
            current.run().resume();
        } else {
            current.run().pause();
        }
    }

    void pause() {
        if (current != null) {
            current.run().pause();
        }
    }

    void resume() {
        if (current != null) {
            current.run().resume();
        }
    }

    void step() {
        if (current != null) {
            current.run().step();
        }
    }

    void stop() {
        if (current != null) {
            current.run().cancel();
        }
    }

    /** Stops the run (it stays in the runs table) and clears the curves and views. */
    void reset() {
        stop();
        timer.stop();
        if (current != null) {
            current.refresh();
        }
        current = null;
        resetDrawing();
        views.clear();
        curves.tau.configure(null, 1);
        state.set(RunState.NEW);
        status.set("Reset. Press Start to train again.");
    }

    /** The slider rested on a new τ: hand it to the running model's knob and mark the curves. */
    private void tauChanged(double tau) {
        if (current == null || current.run().state().isFinished()) {
            return;
        }
        current.run().knobs().set(TauControl.TAU, tau);
        curves.loss.setSubtitle(String.format(Locale.ROOT, "τ = %.3g", tau));
        if (modelReportsTau) {
            knobTau = tau; // marked at the first row that reports it (drawRows)
        } else {
            // the model does not report τ itself: mark where the user changed it
            curves.loss.addMarker(Math.max(lastStepDrawn, 0), String.format(Locale.ROOT, "τ=%.3g", tau));
            curves.metrics.addMarker(Math.max(lastStepDrawn, 0), String.format(Locale.ROOT, "τ=%.3g", tau));
        }
        status.set(String.format(Locale.ROOT, "τ set to %.3g; the model uses it from its next step", tau));
    }

    /** One draw: new trace rows into the curves, the newest snapshot's views, progress and state. */
    void drainOnce() {
        if (current == null) {
            return;
        }
        TrainingRun run = current.run();
        RunState now = run.state();
        long requestsBefore = FigureView.requestCount();
        TrainingSnapshot s = run.latest().poll();
        TraceChunk chunk = run.traceSince(traceRead);
        List<TraceRow> rows = chunk.rows();
        traceRead = chunk.through();
        curves.loss.beginBatch();
        curves.metrics.beginBatch();
        try {
            drawRows(rows);
            if (s != null) {
                if (s.isEvaluated()) {
                    evaluated.add(s);
                    drawPerTask(s);
                }
                long t = System.nanoTime();
                if (viewsShown.getAsBoolean() && t - lastViews >= VIEWS_INTERVAL_NANOS) {
                    lastViews = t;
                    views.show(s.views(), current.truth(), false);
                }
                textPending = s;
            }
        } finally {
            // hidden charts take the points but do not redraw (JFreeChart draws even an invisible canvas)
            boolean shown = curvesShown.getAsBoolean();
            curves.loss.endBatch(shown);
            curves.metrics.endBatch(shown);
        }
        if (s != null && FigureView.requestCount() > requestsBefore) {
            awaitingScreen.add(new long[] {s.step(), FigureView.requestCount()});
        }
        state.set(now);
        current.refresh();
        long t = System.nanoTime();
        boolean textDue = now != RunState.RUNNING || t - lastText >= TEXT_INTERVAL_NANOS;
        if (textPending != null && !now.isFinished() && textDue) {
            lastText = t;
            showProgress(textPending);
            status.set((now == RunState.PAUSED ? "Paused at step " : "Step ") + textPending.step() + " — "
                    + current.factory().displayName());
            textPending = null;
        } else if (lastStepDrawn < 0 && now == RunState.RUNNING && textDue && !current.run().status().isEmpty()) {
            // no step yet: the model is in a phase it reports as a status line (e.g. VMTL's tying selection)
            lastText = t;
            progress.set(-1);
            progressText.set(current.run().status() + " · " + current.run().device().toUpperCase(Locale.ROOT));
        }
        if (now.isFinished()) {
            timer.stop();
            finish();
        } else if (now == RunState.PAUSED && !status.get().startsWith("Paused")) {
            status.set("Paused at step " + Math.max(lastStepDrawn, 0));
        }
    }

    private void drawRows(List<TraceRow> rows) {
        // per batch, not per row: at full speed a batch holds hundreds of rows (decision 0043)
        boolean tauLive = TauControl.tauSpec(current.factory()).isPresent();
        Double newTau = null;
        for (TraceRow row : rows) {
            if (row.step() <= lastStepDrawn) {
                continue;
            }
            row.losses().forEach((k, v) -> curves.loss.add(k, row.step(), v));
            // only a model with a live τ parameter reports "its" τ; another model's scalar named τ is something else
            Double tau = !tauLive ? null
                    : row.scalars().containsKey("tau") ? row.scalars().get("tau") : row.scalars().get("τ");
            if (tau != null) {
                if (knobTau != null && Math.abs(tau - knobTau) <= 1e-9 * Math.max(1, Math.abs(knobTau))) {
                    String label = String.format(Locale.ROOT, "τ=%.3g", tau);
                    curves.loss.addMarker(row.step(), label);
                    curves.metrics.addMarker(row.step(), label);
                    knobTau = null;
                }
                modelReportsTau = true;
                newTau = tau;
            }
            noteMetrics(row.testMetrics().keySet());
            String m = curves.metric.getValue();
            if (m != null) {
                addMean(row, m);
            }
            lastStepDrawn = row.step();
        }
        if (newTau != null) {
            curves.loss.setSubtitle(String.format(Locale.ROOT, "τ = %.3g", newTau));
        }
    }

    private void addMean(TraceRow row, String m) {
        Double test = row.testMetrics().get(m);
        Double train = row.trainMetrics().get(m);
        if (!m.equals(meanMetric)) { // the curve names, built once per metric rather than twice per row
            meanMetric = m;
            meanNames = new String[] {"test " + m + " (all tasks)", "train " + m + " (all tasks)"};
        }
        if (test != null) {
            curves.metrics.add(meanNames[0], row.step(), test);
        }
        if (train != null) {
            curves.metrics.add(meanNames[1], row.step(), train);
        }
    }

    private void noteMetrics(Set<String> names) {
        for (String n : names) {
            if (n.equals("rows") || n.equals("tasks") || n.endsWith("_tasks") || !metricNames.add(n)) {
                continue;
            }
            curves.metric.getItems().add(n);
            if (curves.metric.getValue() == null && (n.equals("rmse") || n.equals("accuracy"))) {
                curves.metric.setValue(n); // redrawMetrics runs from the listener
            }
        }
        if (curves.metric.getValue() == null && !curves.metric.getItems().isEmpty()) {
            curves.metric.setValue(curves.metric.getItems().get(0));
        }
    }

    private void drawPerTask(TrainingSnapshot s) {
        String m = curves.metric.getValue();
        if (m == null || !curves.perTask.isSelected() || s.test() == null) {
            return;
        }
        for (TaskMetrics tm : s.test().perTask()) {
            Double v = tm.values().get(m);
            if (v != null) {
                curves.metrics.add("test " + m + " " + tm.task(), s.step(), v, true);
            }
        }
    }

    private void redrawMetrics() {
        if (current == null) {
            return;
        }
        curves.metrics.clear();
        String m = curves.metric.getValue();
        if (m == null) {
            return;
        }
        curves.metrics.beginBatch();
        for (TraceRow row : current.trace()) {
            if (row.step() <= lastStepDrawn) {
                addMean(row, m);
            }
        }
        for (TrainingSnapshot s : evaluated) {
            drawPerTask(s);
        }
        curves.metrics.endBatch();
    }

    private void showProgress(TrainingSnapshot s) {
        int total = totalSteps();
        String device = current.run().device().toUpperCase(Locale.ROOT);
        if (total > 0) {
            double f = Math.min(1, (double) s.step() / total);
            progress.set(f);
            double perStep = s.step() > 0 ? s.elapsedMillis() / (double) s.step() : 0;
            double left = perStep * Math.max(0, total - s.step()) / 1000.0;
            progressText.set(String.format(Locale.ROOT, "step %d of at most %d · %.1f s elapsed · ≤ %.1f s left · %s",
                    s.step(), total, s.elapsedMillis() / 1000.0, left, device));
        } else {
            progress.set(-1);
            progressText.set(String.format(Locale.ROOT, "step %d · %.1f s elapsed · %s", s.step(),
                    s.elapsedMillis() / 1000.0, device));
        }
    }

    /** The model's step budget, from an integer parameter with a conventional name; 0 when it has none. */
    private int totalSteps() {
        for (ParamSpec p : current.params().specs()) {
            if (p.type() == ParamType.INT && STEP_PARAMS.contains(p.name())) {
                return current.params().getInt(p.name());
            }
        }
        return 0;
    }

    private void finish() {
        TrainingRun run = current.run();
        curves.loss.beginBatch();
        curves.metrics.beginBatch();
        drawRows(run.trace());
        TrainingSnapshot last = run.latest().peek();
        if (last != null) {
            if (last.isEvaluated() && (evaluated.isEmpty() || evaluated.get(evaluated.size() - 1) != last)) {
                evaluated.add(last);
                drawPerTask(last);
            }
            views.show(last.views(), current.truth(), false);
        }
        curves.loss.endBatch();
        curves.metrics.endBatch();
        progress.set(1);
        run.result().ifPresent(r -> {
            StringBuilder sb = new StringBuilder(r.state().name().toLowerCase(Locale.ROOT));
            sb.append(" — ").append(current.factory().displayName());
            Evaluation test = r.test();
            if (test != null) {
                for (String m : List.of("rmse", "accuracy", "auc")) {
                    double v = test.get(m);
                    if (Double.isFinite(v)) {
                        sb.append(String.format(Locale.ROOT, "  test %s %.4f", m, v));
                    }
                }
            }
            sb.append(String.format(Locale.ROOT, "  (%d steps, %.2f s, %s)", r.provenance().steps(),
                    r.provenance().wallSeconds(), r.provenance().device().toUpperCase(Locale.ROOT)));
            if (r.error() != null) {
                sb.append(": ").append(r.error().getMessage());
            }
            status.set(sb.toString());
            progressText.set(String.format(Locale.ROOT, "%d steps · %.2f s · %s", r.provenance().steps(),
                    r.provenance().wallSeconds(), r.provenance().device().toUpperCase(Locale.ROOT)));
        });
        onFinished.run();
    }

    int pointsDrawn() {
        return curves.loss.totalPoints() + curves.metrics.totalPoints();
    }

    int lastStepDrawn() {
        return lastStepDrawn;
    }
}
