package org.mtlworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.data.DataSplit;
import org.mtlworkbench.model.FitFailedException;
import org.mtlworkbench.model.ParamValues;

class TrainingRunTest {

    private static final long TIMEOUT_S = 20;
    private static final double T = 4.0; // mean training target of TestData.split()

    private final CountingModelFactory factory = new CountingModelFactory();
    private final DataSplit split = TestData.split();
    private final List<TrainingRun> runs = new CopyOnWriteArrayList<>();

    /** Records states and the thread that reported them; waits on them without sleeping. */
    static final class Watcher implements RunListener {
        final BlockingQueue<RunState> states = new LinkedBlockingQueue<>();
        final AtomicReference<Thread> thread = new AtomicReference<>();
        final AtomicInteger snapshots = new AtomicInteger();

        @Override
        public void onSnapshot(TrainingSnapshot s) {
            snapshots.incrementAndGet();
        }

        @Override
        public void onStateChanged(RunState s) {
            thread.compareAndSet(null, Thread.currentThread());
            states.add(s);
        }

        /** Waits for the next occurrence of {@code wanted}, skipping others. */
        void next(RunState wanted) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
            while (true) {
                RunState s = states.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                assertThat(s).as("state %s within %d s", wanted, TIMEOUT_S).isNotNull();
                if (s == wanted) {
                    return;
                }
            }
        }
    }

    private TrainingRun run(ParamValues p, int evalEvery, Watcher w) {
        TrainingRun r = new TrainingRun(new RunConfig(factory, p, 7, evalEvery), split,
                new DataInfo("toy", "/nowhere/toy.csv", "abc123", "hand-made"));
        if (w != null) {
            r.addListener(w);
        }
        runs.add(r);
        return r;
    }

    private ParamValues params(int steps) {
        return factory.defaults().with("steps", steps);
    }

    private static RunResult await(TrainingRun r) throws Exception {
        AtomicReference<RunResult> res = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                res.set(r.await());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
        assertThat(res.get()).as("run finished within %d s", TIMEOUT_S).isNotNull();
        return res.get();
    }

    /** Polls until the thread reaches {@code wanted} (it announces PAUSED just before it parks). */
    private static void awaitThreadState(Thread t, Thread.State wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_S);
        while (t.getState() != wanted && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(t.getState()).isEqualTo(wanted);
    }

    @AfterEach
    void closeAll() {
        runs.forEach(TrainingRun::close);
    }

    @Test
    void completedRunHasFinalEvaluationOfTheFittedModel() throws Exception {
        TrainingRun r = run(params(10), 0, null);
        r.start();
        RunResult res = await(r);

        assertThat(res.state()).isEqualTo(RunState.COMPLETED);
        assertThat(r.state()).isEqualTo(RunState.COMPLETED);
        double w10 = CountingModelFactory.expectedW(T, 0.5, 10);
        assertThat(((CountingModelFactory.ConstantModel) res.model()).w()).isCloseTo(w10, within(1e-12));
        // test targets {2, 6, 3}: RMSE of the constant w10, by hand
        double rmse = Math.sqrt(((2 - w10) * (2 - w10) + (6 - w10) * (6 - w10) + (3 - w10) * (3 - w10)) / 3);
        assertThat(res.test().get(Metrics.RMSE)).isCloseTo(rmse, within(1e-12));
        assertThat(res.train().get(Metrics.ROWS)).isEqualTo(5.0);
        assertThat(res.trace()).hasSize(10);
        // evalEvery 0: only the last row carries metrics, and they are the final ones
        assertThat(res.trace().subList(0, 9)).allMatch(row -> row.testMetrics().isEmpty());
        assertThat(res.trace().get(9).testMetrics()).isEqualTo(res.test().overall());
        TrainingSnapshot last = r.latest().peek();
        assertThat(last.step()).isEqualTo(10);
        assertThat(last.test()).isEqualTo(res.test());
        assertThat(last.views()).hasSize(1);
        assertThat(res.error()).isNull();
    }

    @Test
    void evaluatesEveryKthReportAndAtTheLast() throws Exception {
        TrainingRun r = run(params(10), 3, null);
        r.start();
        RunResult res = await(r);
        List<Integer> evaluated = res.trace().stream().filter(row -> !row.testMetrics().isEmpty())
                .map(TraceRow::step).toList();
        assertThat(evaluated).containsExactly(3, 6, 9, 10);
        assertThat(res.trace()).allMatch(row -> row.trainMetrics().isEmpty() == row.testMetrics().isEmpty());
        // the metrics at step 3 are those of w after 3 steps
        double w3 = CountingModelFactory.expectedW(T, 0.5, 3);
        double trainRmse = Math.sqrt(((1 - w3) * (1 - w3) + (3 - w3) * (3 - w3) + (5 - w3) * (5 - w3)
                + (4 - w3) * (4 - w3) + (7 - w3) * (7 - w3)) / 5);
        assertThat(res.trace().get(2).trainMetrics().get(Metrics.RMSE)).isCloseTo(trainRmse, within(1e-12));
    }

    @Test
    void incrementalTraceReadsWhileRunningAddUpToTheFullTrace() throws Exception {
        TrainingRun r = run(params(3000), 7, null);
        assertThat(r.traceSince(0)).isEqualTo(new TraceChunk(List.of(), 0));
        // reads mid-run for certain: from the worker's own listener every 250 steps (it holds no lock there)
        List<TraceRow> inListener = new java.util.ArrayList<>();
        List<Long> cursorsSeen = new CopyOnWriteArrayList<>();
        long[] cursor = {0};
        r.addListener(new RunListener() {
            @Override
            public void onSnapshot(TrainingSnapshot s) {
                if (s.step() % 250 == 0) {
                    TraceChunk more = r.traceSince(cursor[0]);
                    List<TraceRow> full = r.trace();
                    assertThat(more.rows()).isEqualTo(full.subList(inListener.size(), full.size()));
                    assertThat(more.through()).isEqualTo(full.size());
                    inListener.addAll(more.rows());
                    cursor[0] = more.through();
                    cursorsSeen.add(cursor[0]);
                }
            }
        });
        r.start();
        // and from another thread while the worker appends
        List<TraceRow> polled = new java.util.ArrayList<>();
        long through = 0;
        while (!r.state().isFinished()) {
            TraceChunk c = r.traceSince(through);
            polled.addAll(c.rows());
            through = c.through();
        }
        RunResult res = await(r);
        polled.addAll(r.traceSince(through).rows());

        // the end publishes the last step once more (with the final metrics): nothing new to read then
        assertThat(cursorsSeen).containsExactly(250L, 500L, 750L, 1000L, 1250L, 1500L, 1750L, 2000L, 2250L, 2500L,
                2750L, 3000L, 3000L);
        assertThat(polled).hasSize(3000);
        // the same rows as the full copy, except the last, which gets the final metrics at the end
        assertThat(polled.subList(0, 2999)).isEqualTo(res.trace().subList(0, 2999));
        assertThat(inListener.subList(0, 2999)).isEqualTo(res.trace().subList(0, 2999));
        assertThat(polled.get(2999).step()).isEqualTo(res.trace().get(2999).step());
        assertThat(polled).extracting(TraceRow::step).isSorted().doesNotHaveDuplicates();
        assertThat(r.traceSince(3000).rows()).isEmpty();
        assertThat(r.traceSince(5000).rows()).isEmpty();
        assertThatThrownBy(() -> r.traceSince(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongRunKeepsAnEvenlyThinnedTraceWithTheFirstAndTheFinalStep() throws Exception {
        TrainingRun r = run(params(3000), 7, null);
        r.setTraceLimit(100);
        List<TraceRow> polled = new java.util.ArrayList<>();
        long[] through = {0};
        r.addListener(new RunListener() {
            @Override
            public void onSnapshot(TrainingSnapshot s) {
                TraceChunk c = r.traceSince(through[0]);
                polled.addAll(c.rows());
                through[0] = c.through();
            }
        });
        r.start();
        RunResult res = await(r);

        List<Integer> steps = res.trace().stream().map(TraceRow::step).toList();
        // 3000 reports, limit 100: stride 32 (3000 / 32 = 93 rows, with stride 16 it would be 187)
        assertThat(steps).hasSizeBetween(50, 101).startsWith(1).endsWith(3000).isSorted();
        for (int i = 1; i < steps.size() - 1; i++) {
            assertThat(steps.get(i) % 32).as("row %d", i).isZero();
        }
        // the final metrics went to the last row kept; every evaluated row kept its metrics (evalEvery 7)
        assertThat(res.trace().get(steps.size() - 1).testMetrics()).isEqualTo(res.test().overall());
        assertThat(res.trace().subList(1, steps.size() - 1)).allMatch(row -> row.testMetrics().isEmpty()
                == (row.step() % 7 != 0));
        // a poller saw every row that was kept, each once, in order (and more that were thinned away later)
        List<Integer> seen = polled.stream().map(TraceRow::step).toList();
        assertThat(seen).isSorted().doesNotHaveDuplicates().containsAll(steps);
        assertThatThrownBy(() -> r.setTraceLimit(10)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pauseStopsReportsStepLetsExactlyOneThroughResumeContinues() throws Exception {
        Watcher w = new Watcher();
        TrainingRun r = run(params(Integer.MAX_VALUE), 0, w);
        r.start();
        w.next(RunState.RUNNING);
        r.pause();
        w.next(RunState.PAUSED);
        int n = r.trace().size();
        assertThat(n).isPositive();
        assertThat(r.state()).isEqualTo(RunState.PAUSED);
        assertThat(r.latest().peek().step()).isEqualTo(n);
        // blocked on the condition, not spinning, and no further report got through
        awaitThreadState(w.thread.get(), Thread.State.WAITING);
        assertThat(r.trace()).hasSize(n);
        assertThat(r.state()).isEqualTo(RunState.PAUSED);

        r.step();
        w.next(RunState.PAUSED);
        assertThat(r.trace()).hasSize(n + 1);
        assertThat(r.latest().peek().step()).isEqualTo(n + 1);
        r.step();
        w.next(RunState.PAUSED);
        assertThat(r.trace()).hasSize(n + 2);

        r.resume();
        w.next(RunState.RUNNING);
        r.pause();
        w.next(RunState.PAUSED);
        assertThat(r.trace().size()).isGreaterThan(n + 2);
        r.cancel();
        assertThat(await(r).state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void startPausedBlocksInsideTheFirstReport() throws Exception {
        Watcher w = new Watcher();
        TrainingRun r = run(params(5), 0, w);
        r.startPaused();
        w.next(RunState.PAUSED);
        assertThat(r.trace()).hasSize(1);
        assertThat(r.latest().poll().step()).isEqualTo(1);
        assertThat(w.thread.get().getName()).isEqualTo("training-counting");
        assertThat(w.thread.get().isDaemon()).isTrue();
        for (int k = 2; k <= 5; k++) {
            r.step();
            w.next(RunState.PAUSED);
            assertThat(r.latest().poll().step()).isEqualTo(k);
            assertThat(r.latest().poll()).isNull();
        }
        // the fifth report was the last; one more step lets fit return
        r.step();
        assertThat(await(r).state()).isEqualTo(RunState.COMPLETED);
    }

    @Test
    void cancelKeepsTheLastReportedStateAndItsMetrics() throws Exception {
        Watcher w = new Watcher();
        TrainingRun r = run(params(100), 0, w);
        r.startPaused();
        w.next(RunState.PAUSED);
        r.step();
        w.next(RunState.PAUSED);
        r.step();
        w.next(RunState.PAUSED);
        r.cancel();
        RunResult res = await(r);

        assertThat(res.state()).isEqualTo(RunState.CANCELLED);
        assertThat(r.state()).isEqualTo(RunState.CANCELLED);
        double w3 = CountingModelFactory.expectedW(T, 0.5, 3);
        assertThat(((CountingModelFactory.ConstantModel) res.model()).w()).isCloseTo(w3, within(1e-12));
        Evaluation expected = Metrics.evaluate(res.model(), split.test());
        assertThat(res.test()).isEqualTo(expected);
        assertThat(res.trace()).hasSize(3);
        assertThat(res.trace().get(2).testMetrics()).isEqualTo(expected.overall());
        assertThat(res.provenance().state()).isEqualTo(RunState.CANCELLED);
        assertThat(res.provenance().steps()).isEqualTo(3);
        assertThat(res.error()).isNull();
    }

    @Test
    void fitFailedEndsFailedWithTheMessageAndTheLastGoodState() throws Exception {
        TrainingRun r = run(params(10).with("failAt", 4), 1, null);
        r.start();
        RunResult res = await(r);

        assertThat(res.state()).isEqualTo(RunState.FAILED);
        assertThat(res.error()).isInstanceOf(FitFailedException.class).hasMessage("loss is NaN at step 4");
        assertThat(res.provenance().error()).isEqualTo("loss is NaN at step 4");
        double w3 = CountingModelFactory.expectedW(T, 0.5, 3);
        assertThat(((CountingModelFactory.ConstantModel) res.model()).w()).isCloseTo(w3, within(1e-12));
        assertThat(res.test()).isEqualTo(Metrics.evaluate(res.model(), split.test()));
        assertThat(res.trace()).hasSize(3);
    }

    @Test
    void anyOtherThrowableEndsFailedNamingItsClass() throws Exception {
        for (String kind : List.of("runtime", "error")) {
            TrainingRun r = run(params(10).with("failAt", 2).with("failWith", kind), 0, null);
            r.start();
            RunResult res = await(r);
            assertThat(res.state()).isEqualTo(RunState.FAILED);
            assertThat(res.error()).isNotNull();
            assertThat(res.provenance().error()).contains(res.error().getClass().getSimpleName())
                    .contains("at step 2");
            // evalEvery 0 and no cancel: no metrics were ever computed, but the state of step 1 is kept
            assertThat(res.test()).isNull();
            assertThat(res.model()).isNotNull();
        }
    }

    @Test
    void knobsSetFromAnotherThreadAreSeenByTheNextStep() throws Exception {
        Watcher w = new Watcher();
        TrainingRun r = run(params(10), 0, w);
        r.startPaused();
        w.next(RunState.PAUSED);
        assertThat(r.latest().peek().scalars().get("rate")).isEqualTo(0.5);
        Thread setter = new Thread(() -> r.knobs().set("rate", 0.25));
        setter.start();
        setter.join();
        r.step();
        w.next(RunState.PAUSED);
        TrainingSnapshot s2 = r.latest().peek();
        assertThat(s2.step()).isEqualTo(2);
        assertThat(s2.scalars().get("rate")).isEqualTo(0.25);
        double expectedW2 = 2.0 + 0.25 * (T - 2.0); // w1 = 2 at rate 0.5
        assertThat(s2.scalars().get("w")).isCloseTo(expectedW2, within(1e-12));
        r.resume();
        await(r);
    }

    @Test
    void latestValueCoalescesAFastModelsSnapshots() throws Exception {
        Watcher w = new Watcher();
        TrainingRun r = run(params(5000), 0, w);
        r.start();
        RunResult res = await(r);
        assertThat(res.trace()).hasSize(5000);
        assertThat(w.snapshots.get()).isEqualTo(5001); // every report plus the final one reach listeners
        TrainingSnapshot polled = r.latest().poll();
        assertThat(polled.step()).isEqualTo(5000);
        assertThat(polled.test()).isNotNull(); // the final snapshot, not a queued early one
        assertThat(r.latest().poll()).isNull();
    }

    @Test
    void modelWithoutCurrentStateStillGetsAFinalEvaluation() throws Exception {
        TrainingRun r = run(params(6).with("reportCurrent", false), 2, null);
        r.start();
        RunResult res = await(r);
        assertThat(res.trace().stream().filter(row -> !row.testMetrics().isEmpty()).map(TraceRow::step))
                .containsExactly(6);
        assertThat(res.test()).isNotNull();
    }

    @Test
    void controlsBeforeStartAndAfterEnd() throws Exception {
        TrainingRun r = run(params(3), 0, null);
        r.step(); // no-op before start
        r.resume();
        assertThat(r.state()).isEqualTo(RunState.NEW);
        assertThat(r.result()).isEmpty();
        r.start();
        RunResult res = await(r);
        r.pause();
        r.step();
        r.resume();
        r.cancel();
        assertThat(r.state()).isEqualTo(RunState.COMPLETED);
        assertThat(r.result()).contains(res);
        assertThatThrownBy(r::start).isInstanceOf(IllegalStateException.class);

        TrainingRun never = run(params(3), 0, null);
        never.cancel();
        assertThat(never.state()).isEqualTo(RunState.CANCELLED);
        assertThat(await(never).model()).isNull();
        assertThatThrownBy(never::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void pauseBeforeStartStartsPaused() throws Exception {
        Watcher w = new Watcher();
        TrainingRun r = run(params(3), 0, w);
        r.pause();
        r.start();
        w.next(RunState.PAUSED);
        assertThat(r.trace()).hasSize(1);
        r.resume();
        assertThat(await(r).state()).isEqualTo(RunState.COMPLETED);
    }

    @Test
    void closeCancelsAndJoinsAPausedRun() throws Exception {
        Watcher w = new Watcher();
        TrainingRun r = run(params(100), 0, w);
        r.startPaused();
        w.next(RunState.PAUSED);
        r.close();
        assertThat(w.thread.get().isAlive()).isFalse();
        assertThat(r.state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void aFailingListenerDoesNotStopTheRun() throws Exception {
        TrainingRun r = run(params(5), 1, null);
        r.addListener(new RunListener() {
            @Override
            public void onSnapshot(TrainingSnapshot s) {
                throw new IllegalStateException("listener bug");
            }
        });
        r.start();
        assertThat(await(r).state()).isEqualTo(RunState.COMPLETED);
    }

    @Test
    void provenanceRecordsWhatMadeTheResult() throws Exception {
        TrainingRun r = run(params(4), 0, null);
        r.setDevice("cuda:0");
        r.start();
        Provenance p = await(r).provenance();
        assertThat(p.modelId()).isEqualTo("counting");
        assertThat(p.seed()).isEqualTo(7);
        assertThat(p.params()).containsEntry("steps", 4).containsEntry("rate", 0.5);
        assertThat(p.data().sha256()).isEqualTo("abc123");
        assertThat(p.appVersion()).isEqualTo("dev"); // classes, not a jar
        assertThat(p.javaVersion()).startsWith(System.getProperty("java.version"));
        assertThat(p.device()).isEqualTo("cuda:0");
        assertThat(p.steps()).isEqualTo(4);
        assertThat(p.state()).isEqualTo(RunState.COMPLETED);
        assertThat(p.startedAt()).isNotNull();
        assertThat(p.wallSeconds()).isGreaterThanOrEqualTo(0);
        assertThat(p.error()).isNull();
        assertThat(new TrainingRun(RunConfig.defaults(factory, 1), split, DataInfo.generated("g", "s")).device())
                .isEqualTo("cpu");
        assertThat(Map.copyOf(p.params())).hasSize(5);
    }
}
