package org.mtlworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtlworkbench.train.RunListener;
import org.mtlworkbench.train.RunState;
import org.mtlworkbench.train.TrainingSnapshot;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Benchmark, not a unit test (tag "slow", no timing assertion): while a run trains at full speed (by default the
 * views-demo model on the clustered sample, no sleeps, metrics every step; {@link #MODEL}), an AnimationTimer records
 * the FX frame intervals; the run's listener records when each step was published and the view-model's draw hook
 * when its pixels reached the screen. After an idle baseline (half a phase) and a warm-up (curves, then relatedness,
 * 20 s, reported but not part of the budget): a control phase (training, drawing suspended), then the curves, then
 * the relatedness views in view, 10 s each unless -Dmtlwb.bench.phaseSeconds says otherwise. Also the CPU share of
 * the FX, figure-render and Prism threads, GC time, and the load average. Prints a Markdown table and writes it to
 * target/bench/fx-frames.txt.
 * Run: {@code mvn -o -q test -Dtest=FxFrameIntervalBenchTest -Dtest.excluded.groups=}.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class FxFrameIntervalBenchTest {

    static final long PHASE_NANOS = Long.getLong("mtlwb.bench.phaseSeconds", 10) * 1_000_000_000L;
    /**
     * Sampling the FX thread's stack every 2 ms stops it for a handshake 500 times a second and competes for the CPU
     * it measures: off unless asked for (-Dmtlwb.bench.sampleStacks=true) when looking for where the time goes.
     */
    /** Slots of the publication-time ring (a power of two): far more steps than are published between two draws. */
    static final int PUBLISHED_RING = 1 << 16;
    /**
     * The model trained at full speed and its sample: by default the test-only views-demo model, which reports
     * tens of thousands of steps a second with every kind of view (the worst case for the GUI); any SPI model with
     * a "steps" parameter, e.g. -Dmtlwb.bench.model=vmtl -Dmtlwb.bench.sample=linked, for a real one.
     */
    static final String MODEL = System.getProperty("mtlwb.bench.model", ViewsDemoModelFactory.ID);
    static final String SAMPLE = System.getProperty("mtlwb.bench.sample", "clustered");
    static final long WARMUP_NANOS = Long.getLong("mtlwb.bench.warmupSeconds", 20) * 1_000_000_000L;
    static final boolean SAMPLE_STACKS = Boolean.getBoolean("mtlwb.bench.sampleStacks");

    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WorkbenchWindowTest.create();
        stage.setScene(new Scene(wb.root(), 1280, 800));
        stage.show();
    }

    @Test
    void frameIntervalsWhileTrainingAtFullSpeed(FxRobot robot) throws Exception {
        robot.interact(() -> wb.data.samples.getItems().stream().filter(s -> s.id().equals(SAMPLE)).findFirst()
                .ifPresent(wb.data.samples.getSelectionModel()::select));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wb.data.loadedProperty().get() != null);
        long[] fxThread = new long[1];
        robot.interact(() -> fxThread[0] = Thread.currentThread().getId());
        List<String> rows = new ArrayList<>();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // baseline in the same run: the same window, curves tab shown, nothing training
        robot.interact(() -> wb.tabs.getSelectionModel().select(wb.curvesTab));
        rows.add(phase(robot, "idle window, no run (baseline)", PHASE_NANOS / 2, fxThread[0], List.of()));
        // when each step was published, in a ring indexed by step: a map grew by every step while nothing was drawn
        // (the control phase), and its garbage and survivors were the bench's own, not the GUI's
        AtomicLongArray publishedStep = new AtomicLongArray(PUBLISHED_RING);
        AtomicLongArray publishedAt = new AtomicLongArray(PUBLISHED_RING);
        List<Long> delays = new CopyOnWriteArrayList<>();
        wb.vm.setDrawHook((step, nanos) -> {
            int i = step & (PUBLISHED_RING - 1);
            long at = publishedAt.get(i);
            if (publishedStep.get(i) == step && at != 0) {
                delays.add(nanos - at);
            }
        });
        robot.interact(() -> {
            wb.model.models.getItems().stream().filter(f -> f.id().equals(MODEL)).findFirst()
                    .ifPresent(wb.model.models::setValue);
            var p = wb.model.params().with("steps", 10_000_000);
            if (p.specs().stream().anyMatch(s -> s.name().equals("taskTying"))) {
                p = p.with("taskTying", "loose"); // VMTL: train at once, no cross-validated choice first
            }
            // the demo model's weights keep moving at a small step size, so its views keep changing
            wb.model.paramsProperty().set(MODEL.equals(ViewsDemoModelFactory.ID) ? p.with("learningRate", 0.001) : p);
            wb.start();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wb.vm.current() != null
                && wb.vm.stateProperty().get() == RunState.RUNNING);
        wb.vm.current().run().addListener(new RunListener() {
            @Override
            public void onSnapshot(TrainingSnapshot s) {
                int i = s.step() & (PUBLISHED_RING - 1);
                publishedStep.set(i, -1); // the slot is being rewritten
                publishedAt.set(i, System.nanoTime());
                publishedStep.set(i, s.step());
            }
        });
        // warm-up, as JMH does: the first seconds of drawing at full speed also JIT-compile the drawing code (the
        // compiler threads took a fifth of a CPU then); measured and printed, but not one of the budget's phases
        robot.interact(() -> wb.tabs.getSelectionModel().select(wb.curvesTab));
        int warmStart = latestStep(wb);
        long w0 = System.nanoTime();
        String warm = phase(robot, "warm-up: training, curves then relatedness (cold JIT)", WARMUP_NANOS, fxThread[0],
                List.of(), () -> robot.interact(() -> wb.tabs.getSelectionModel().select(wb.viewsTab)));
        rows.add(warm.replace("{steps}", String.format(Locale.ROOT, "%.0f",
                (latestStep(wb) - warmStart) / ((System.nanoTime() - w0) / 1e9))));
        for (String phase : List.of("training, drawing suspended (control)", "training, curves tab shown",
                "training, relatedness tab shown")) {
            boolean control = phase.contains("suspended");
            robot.interact(() -> {
                wb.vm.suspendDrawing(control);
                wb.tabs.getSelectionModel().select(phase.contains("relatedness") ? wb.viewsTab : wb.curvesTab);
            });
            Thread.sleep(500); // let the tab switch's full redraw pass
            delays.clear();
            int stepsBefore = latestStep(wb);
            long t0 = System.nanoTime();
            String row = phase(robot, phase, PHASE_NANOS, fxThread[0], delays);
            double secs = (System.nanoTime() - t0) / 1e9;
            int steps = latestStep(wb) - stepsBefore;
            rows.add(row.replace("{steps}", String.format(Locale.ROOT, "%.0f", steps / secs)));
        }
        robot.interact(() -> wb.vm.stop());
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "FX frame budget, model %s on %s: %d s phases, %d CPUs, load average "
                + "%.2f before / %.2f after; %d render jobs or frames dropped as stale%n", MODEL, SAMPLE,
                PHASE_NANOS / 1_000_000_000L,
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, FigureRenderThread.dropped()));
        table.append("| phase | frames | frame interval p50 / p99 / max (ms) | frames > 20 ms (of them, on time but "
                + "for a GC pause) | redraw requests/s | FX thread CPU | figure-render CPU "
                + "| Prism render CPU | GC time | steps/s | snapshot → screen p50 / p99 (ms) |\n");
        table.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(r -> table.append(r).append('\n'));
        System.out.println(table);
        Path out = Path.of("target", "bench", "fx-frames.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
    }

    /**
     * One phase: frame intervals from an AnimationTimer, and the CPU time the FX thread and the render thread used
     * per second of wall time (a figure that CPU starvation by other processes does not inflate).
     */
    private static String phase(FxRobot robot, String name, long nanos, long fxThread, List<Long> delays)
            throws InterruptedException {
        return phase(robot, name, nanos, fxThread, delays, () -> { });
    }

    /** A phase that runs {@code halfway} (e.g. switches the tab) at its middle. */
    private static String phase(FxRobot robot, String name, long nanos, long fxThread, List<Long> delays,
            Runnable halfway) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long renderThread = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("figure-render")).mapToLong(Thread::getId).findFirst().orElse(-1);
        List<Long> intervals = Collections.synchronizedList(new ArrayList<>());
        List<Long> frameTimes = Collections.synchronizedList(new ArrayList<>());
        long[] last = {0};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0) {
                    intervals.add(now - last[0]);
                    frameTimes.add(now);
                }
                last[0] = now;
            }
        };
        Thread prism = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).findFirst().orElse(null);
        Thread fx = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getId() == fxThread).findFirst()
                .orElseThrow();
        StackSampler sampler = new StackSampler(fx);
        if (SAMPLE_STACKS) {
            sampler.start();
        }
        long p0 = prism == null ? 0 : mx.getThreadCpuTime(prism.getId());
        long fx0 = mx.getThreadCpuTime(fxThread);
        long requests0 = FigureView.requestCount();
        long gc0 = gcMillis();
        long r0 = renderThread < 0 ? 0 : mx.getThreadCpuTime(renderThread);
        GcPauses gc = new GcPauses();
        long t0 = System.nanoTime();
        robot.interact(timer::start);
        Thread.sleep(nanos / 2_000_000);
        halfway.run();
        Thread.sleep(nanos / 2_000_000);
        robot.interact(timer::stop);
        double wall = System.nanoTime() - t0;
        double fxCpu = (mx.getThreadCpuTime(fxThread) - fx0) / wall;
        double redraws = (FigureView.requestCount() - requests0) / (wall / 1e9);
        double gcShare = (gcMillis() - gc0) * 1e6 / wall;
        double renderCpu = renderThread < 0 ? 0 : (mx.getThreadCpuTime(renderThread) - r0) / wall;
        double prismCpu = prism == null ? 0 : (mx.getThreadCpuTime(prism.getId()) - p0) / wall;
        sampler.interrupt();
        sampler.join();
        Thread.sleep(200); // GC notifications arrive asynchronously
        gc.close();
        String missed = gc.explain(intervals, frameTimes);
        if (SAMPLE_STACKS) {
            System.out.println("FX-BENCH " + name + ": where the FX thread was (samples every 2 ms):\n" + sampler.top(12));
        }
        assertThat(intervals).isNotEmpty();
        boolean training = name.contains("training");
        String row = String.format(Locale.ROOT, "| %s | %d | %.1f / %.1f / %.1f | %s | %.0f | %.0f %% | %.0f %% | %.0f %% | %.1f %% | %s | %s |",
                name, intervals.size(), pct(intervals, 50), pct(intervals, 99), pct(intervals, 100), missed, redraws, 100 * fxCpu,
                100 * renderCpu, 100 * prismCpu, 100 * gcShare, training ? "{steps}" : "—",
                delays.isEmpty() ? "—" : String.format(Locale.ROOT, "%.1f / %.1f (%d draws)", pct(delays, 50),
                        pct(delays, 99), delays.size()));
        System.out.println("FX-BENCH " + row);
        return row;
    }

    /** Samples a thread's stack: where it spends its time, by the innermost frame of this project or JavaFX. */
    private static final class StackSampler extends Thread {
        private final Thread target;
        private final Map<String, Integer> counts = new ConcurrentHashMap<>();

        StackSampler(Thread target) {
            super("stack-sampler");
            this.target = target;
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                StackTraceElement[] st = target.getStackTrace();
                String key = "idle (waiting for events)";
                boolean waiting = st.length > 0 && (st[0].getMethodName().equals("park") || st[0].getMethodName().equals("wait0")
                        || st[0].getMethodName().equals("wait"));
                if (!waiting) {
                    key = st.length == 0 ? "?" : st[0].getClassName() + "." + st[0].getMethodName();
                    for (StackTraceElement e : st) {
                        if (e.getClassName().startsWith("org.mtlworkbench")) {
                            key = e.getClassName().replace("org.mtlworkbench.", "") + "." + e.getMethodName()
                                    + " > " + key;
                            break;
                        }
                    }
                }
                counts.merge(key, 1, Integer::sum);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        String top(int n) {
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            StringBuilder sb = new StringBuilder();
            counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                    .forEach(e -> sb.append(String.format(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * e.getValue() / total,
                            e.getKey())));
            return sb.toString();
        }
    }

    /** The newest published step (the trace may keep fewer rows than steps: decision 0044). */
    private static int latestStep(Workbench wb) {
        TrainingSnapshot s = wb.vm.current().run().latest().peek();
        return s == null ? 0 : s.step();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    private static double pct(List<Long> nanos, double p) {
        List<Long> s = new ArrayList<>(nanos);
        if (s.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(s);
        int i = (int) Math.min(s.size() - 1, Math.ceil(p / 100.0 * s.size()) - 1);
        return s.get(Math.max(0, i)) / 1e6;
    }
}
