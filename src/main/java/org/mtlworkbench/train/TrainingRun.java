package org.mtlworkbench.train;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.mtlworkbench.data.DataSplit;
import org.mtlworkbench.model.FitCancelledException;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FitFailedException;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.LiveKnobs;
import org.mtlworkbench.model.ModelSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run on its own worker thread, driven by the GUI or the CLI (after DJL's EasyTrain loop and
 * JabRef's background tasks: the science code knows nothing of threads; this class owns them).
 *
 * <p>The worker calls {@code factory.create(params).fit(split.train(), ctx)}. Every {@link FitContext#report} (1)
 * records a {@link TraceRow}, (2) every {@code evalEvery}-th report evaluates the model's current state on train and
 * test rows (there, on the worker thread, because that state is valid only during the call), (3) publishes a
 * {@link TrainingSnapshot} into {@link #latest()} and to listeners, (4) blocks while paused, (5) throws
 * {@link FitCancelledException} once cancelled. After the fit returns the fitted model is evaluated once more, a final
 * snapshot is published and the run is COMPLETED.
 *
 * <p>All control methods may be called from any thread at any time. Before {@link #start()}: {@link #pause()} makes
 * the run start paused, {@link #resume()} undoes that, {@link #step()} does nothing, {@link #cancel()} ends the run
 * at once as CANCELLED (no thread is started). After the end they do nothing. State changes happen under one lock
 * and are signalled through one condition; nothing busy-waits.
 */
public final class TrainingRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    /**
     * Trace rows kept at most by default: a run with more reports keeps an evenly thinned trace ({@link TraceBuffer},
     * decision 0044), about 10 MB at most.
     */
    public static final int TRACE_LIMIT = 20_000;

    private final RunConfig cfg;
    private final DataSplit split;
    private final DataInfo data;
    private final LiveKnobs knobs = new LiveKnobs();
    private final LatestValue<TrainingSnapshot> latest = new LatestValue<>();
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // guarded by lock
    private RunState state = RunState.NEW;
    private boolean pauseRequested;
    private int stepPermits;
    private RunResult result;
    private TraceBuffer trace = new TraceBuffer(TRACE_LIMIT);
    private Thread worker;

    private volatile boolean cancelled;
    private volatile String device = "cpu";
    private volatile String status = "";

    // worker-thread only
    private long startNanos;
    private long pausedNanos;
    private int reports;
    private ModelSnapshot lastReport;
    private FittedModel lastCurrent;
    private Evaluation lastTrain;
    private Evaluation lastTest;
    private boolean lastReportEvaluated;
    private Instant startedAt;
    private Evaluator trainEval;
    private Evaluator testEval;

    public TrainingRun(RunConfig cfg, DataSplit split, DataInfo data) {
        this.cfg = Objects.requireNonNull(cfg, "cfg");
        this.split = Objects.requireNonNull(split, "split");
        this.data = Objects.requireNonNull(data, "data");
    }

    /** Starts the worker thread (a daemon named "training-&lt;modelId&gt;") and returns at once. */
    public void start() {
        launch(false);
    }

    /** Starts, but blocks the model inside its first report, so that {@link #step()} works from the first step. */
    public void startPaused() {
        launch(true);
    }

    private void launch(boolean paused) {
        lock.lock();
        try {
            if (state != RunState.NEW) {
                throw new IllegalStateException("the run was already started (state " + state + ")");
            }
            if (paused) {
                pauseRequested = true;
            }
            state = RunState.RUNNING;
            worker = new Thread(this::work, "training-" + cfg.factory().id());
            worker.setDaemon(true);
            // below the GUI's threads where the OS honours Java priorities (Windows, macOS; Linux ignores them)
            worker.setPriority(Thread.NORM_PRIORITY - 1);
            worker.start();
        } finally {
            lock.unlock();
        }
    }

    /** Asks the worker to block at its next report. */
    public void pause() {
        lock.lock();
        try {
            if (!state.isFinished()) {
                pauseRequested = true;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Lets the worker run on freely. */
    public void resume() {
        lock.lock();
        try {
            if (!state.isFinished()) {
                pauseRequested = false;
                stepPermits = 0;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** When paused: lets exactly one more report through (one more step is trained and shown), then pauses again. */
    public void step() {
        lock.lock();
        try {
            if (pauseRequested && (state == RunState.RUNNING || state == RunState.PAUSED)) {
                stepPermits++;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Ends the run: the model's loop stops at its next report or cancellation check, the state becomes CANCELLED and
     * the result keeps the last reported model state and its metrics. Before start: ends at once, without a model.
     */
    public void cancel() {
        boolean endsNow = false;
        lock.lock();
        try {
            if (state.isFinished()) {
                return;
            }
            cancelled = true;
            if (state == RunState.NEW) {
                startedAt = Instant.now();
                result = new RunResult(RunState.CANCELLED, null, null, null, List.of(),
                        provenance(RunState.CANCELLED, 0, null), null);
                state = RunState.CANCELLED;
                endsNow = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (endsNow) {
            fireState(RunState.CANCELLED);
        }
    }

    /** The live knobs handed to the model's {@link FitContext}; set them from any thread. */
    /** The model's last status line ({@link FitContext#status}), empty when it sent none. */
    public String status() {
        return status;
    }

    public LiveKnobs knobs() {
        return knobs;
    }

    public RunState state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    /** The newest snapshot; the GUI polls it (at most ~30 times a second), a fast model overwrites it. */
    public LatestValue<TrainingSnapshot> latest() {
        return latest;
    }

    /**
     * Sets how many trace rows the run keeps at most (default {@link #TRACE_LIMIT}); only before it starts.
     */
    public void setTraceLimit(int rows) {
        lock.lock();
        try {
            if (state != RunState.NEW) {
                throw new IllegalStateException("the trace limit is set before the start (state " + state + ")");
            }
            trace = new TraceBuffer(rows);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The rows kept of the reports after the first {@code through}, copied, with the cursor for the next read: a
     * poller copies only what is new, not the whole trace under the lock on every poll (decision 0043). Start with 0.
     * Rows kept then are the rows {@link #trace()} holds at the same moment after the cursor; later thinning may drop
     * some of them from the trace (decision 0044). The newest row gets the final metrics when the run ends: read
     * {@link #trace()} once after the end for them.
     */
    public TraceChunk traceSince(long through) {
        lock.lock();
        try {
            return trace.since(through);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A copy of the trace so far: one row per reported step, evenly thinned once a run has reported more steps than
     * the trace limit (the first and the newest step always kept).
     */
    public List<TraceRow> trace() {
        lock.lock();
        try {
            return trace.rows();
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until the run has finished and returns its result. Never call it from the FX thread. */
    public RunResult await() throws InterruptedException {
        if (Thread.currentThread() == worker) {
            throw new IllegalStateException("await() on the run's own worker thread would never return");
        }
        lock.lock();
        try {
            while (result == null) {
                changed.await();
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** The result once the run has finished. */
    public Optional<RunResult> result() {
        lock.lock();
        try {
            return Optional.ofNullable(result);
        } finally {
            lock.unlock();
        }
    }

    /** Adds a listener; it is called on the worker thread. */
    public void addListener(RunListener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    /** Where the numbers are computed, for provenance ("cpu" unless set, e.g. "cuda:0" by a GPU model's caller). */
    public void setDevice(String device) {
        this.device = Objects.requireNonNull(device);
    }

    public String device() {
        return device;
    }

    public RunConfig config() {
        return cfg;
    }

    /** Cancels and waits for the worker thread to end. */
    @Override
    public void close() {
        cancel();
        Thread w;
        lock.lock();
        try {
            w = worker;
        } finally {
            lock.unlock();
        }
        if (w == null || w == Thread.currentThread()) {
            return;
        }
        boolean interrupted = false;
        while (w.isAlive()) {
            try {
                w.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- worker thread

    private void work() {
        startedAt = Instant.now();
        startNanos = System.nanoTime();
        fireState(RunState.RUNNING);
        RunState end;
        FittedModel model;
        Throwable error = null;
        try {
            // the rows evaluations read, copied once (inside the try: even running out of memory here ends the run)
            trainEval = new Evaluator(split.train());
            testEval = new Evaluator(split.test());
            FittedModel fitted = cfg.factory().create(cfg.params()).fit(split.train(), new Context());
            if (fitted == null) {
                throw new FitFailedException("model " + cfg.factory().id() + " returned no fitted model");
            }
            Evaluation train = trainEval.evaluate(fitted);
            Evaluation test = testEval.evaluate(fitted);
            lastCurrent = fitted;
            lastTrain = train;
            lastTest = test;
            // "always at the last": the last trace row carries the final model's metrics
            lock.lock();
            try {
                trace.replaceNewest(row -> row.withMetrics(train, test));
            } finally {
                lock.unlock();
            }
            publish(new TrainingSnapshot(lastReport == null ? 0 : lastReport.step(),
                    lastReport == null ? Map.of() : lastReport.losses(),
                    lastReport == null ? Map.of() : lastReport.scalars(),
                    fitted.relatedness(), train, test, elapsedMillis()));
            end = RunState.COMPLETED;
            model = fitted;
        } catch (FitCancelledException e) {
            end = RunState.CANCELLED;
            model = lastCurrent;
        } catch (Throwable e) { // every failure ends the run visibly, errors included: the worker must not die silently
            LOG.debug("training run {} failed", cfg.factory().id(), e);
            end = RunState.FAILED;
            model = lastCurrent;
            error = e;
        }
        finish(end, model, error);
    }

    private void finish(RunState end, FittedModel model, Throwable error) {
        lock.lock();
        try {
            result = new RunResult(end, model, lastTrain, lastTest, trace.rows(),
                    provenance(end, reports, error == null ? null : message(error)), error);
            state = end;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        fireState(end);
    }

    private Provenance provenance(RunState end, int steps, String error) {
        double wall = startedAt == null ? 0 : Duration.between(startedAt, Instant.now()).toNanos() / 1e9;
        return new Provenance(cfg.factory().id(), cfg.params().asMap(), cfg.seed(), data, Provenance.currentAppVersion(),
                Provenance.currentJava(), Provenance.currentOs(), device, startedAt, wall, steps, end, error);
    }

    /** A FitFailedException's own message; for anything else the class too, since "null" or "/ by zero" alone say little. */
    static String message(Throwable e) {
        if (e instanceof FitFailedException && e.getMessage() != null) {
            return e.getMessage();
        }
        return e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private long elapsedMillis() {
        return (System.nanoTime() - startNanos - pausedNanos) / 1_000_000;
    }

    private void onReport(ModelSnapshot s) {
        reports++;
        lastReport = s;
        if (s.current() != null) {
            lastCurrent = s.current();
        }
        boolean due = cfg.evalEvery() > 0 && reports % cfg.evalEvery() == 0 && s.current() != null;
        Evaluation train = null;
        Evaluation test = null;
        if (due) {
            train = trainEval.evaluate(s.current());
            test = testEval.evaluate(s.current());
            lastTrain = train;
            lastTest = test;
        }
        lastReportEvaluated = due;
        long elapsed = elapsedMillis();
        TraceRow row = new TraceRow(s.step(), elapsed, s.losses(), s.scalars(), Map.of(), Map.of())
                .withMetrics(train, test);
        lock.lock();
        try {
            trace.add(row);
        } finally {
            lock.unlock();
        }
        publish(new TrainingSnapshot(s.step(), s.losses(), s.scalars(), s.views(), train, test, elapsed));
        // give the core away once per step: on a busy machine the GUI's threads get in between steps
        Thread.yield();
        waitWhilePaused();
        if (cancelled) {
            evaluateBeforeCancel(s);
            throw new FitCancelledException();
        }
    }

    /**
     * The state reported in this call is still valid, so a cancelled run's result gets metrics of exactly the model
     * it keeps (unless they were just computed).
     */
    private void evaluateBeforeCancel(ModelSnapshot s) {
        if (s.current() == null || lastReportEvaluated) {
            return;
        }
        lastTrain = trainEval.evaluate(s.current());
        lastTest = testEval.evaluate(s.current());
        lock.lock();
        try {
            trace.replaceNewest(row -> row.withMetrics(lastTrain, lastTest));
        } finally {
            lock.unlock();
        }
    }

    private void waitWhilePaused() {
        boolean wasPaused = false;
        long pauseStart = 0;
        lock.lock();
        try {
            while (pauseRequested && stepPermits == 0 && !cancelled) {
                if (!wasPaused) {
                    wasPaused = true;
                    pauseStart = System.nanoTime();
                    state = RunState.PAUSED;
                    changed.signalAll();
                    lock.unlock(); // listeners run without the lock, so they may call back into the run
                    try {
                        fireState(RunState.PAUSED);
                    } finally {
                        lock.lock();
                    }
                    continue; // re-check: a resume or step may have come while the lock was released
                }
                changed.awaitUninterruptibly();
            }
            if (stepPermits > 0 && !cancelled) {
                stepPermits--;
            }
            if (wasPaused) {
                pausedNanos += System.nanoTime() - pauseStart;
                if (!cancelled) {
                    state = RunState.RUNNING;
                    changed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        if (wasPaused && !cancelled) {
            fireState(RunState.RUNNING);
        }
    }

    private void publish(TrainingSnapshot snap) {
        latest.set(snap);
        for (RunListener l : listeners) {
            try {
                l.onSnapshot(snap);
            } catch (RuntimeException e) {
                LOG.warn("a run listener failed on a snapshot", e);
            }
        }
    }

    private void fireState(RunState s) {
        for (RunListener l : listeners) {
            try {
                l.onStateChanged(s);
            } catch (RuntimeException e) {
                LOG.warn("a run listener failed on state {}", s, e);
            }
        }
    }

    /** The model's view of the run. */
    private final class Context implements FitContext {
        @Override
        public long seed() {
            return cfg.seed();
        }

        @Override
        public LiveKnobs knobs() {
            return knobs;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void report(ModelSnapshot snapshot) {
            onReport(Objects.requireNonNull(snapshot, "snapshot"));
        }

        @Override
        public void status(String message) {
            status = Objects.requireNonNull(message, "message");
        }
    }
}
