package org.mtlworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Benchmark, not a unit test (tag "slow", no timing assertion): while a run trains at full speed (views-demo model
 * on the clustered sample, no sleeps, metrics every step), an AnimationTimer records the FX frame intervals; the run's
 * listener records when each step was published and the view-model's draw hook when it reached the screen. A control phase
 * (training, drawing suspended), then the curves, then the relatedness views in view, 10 s each, after 5 s idle. Prints and writes target/bench/fx-frames.txt.
 * Run: {@code mvn -o -q test -Dtest=FxFrameIntervalBenchTest -Dtest.excluded.groups=}.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class FxFrameIntervalBenchTest {

    static final long PHASE_NANOS = Long.getLong("mtlwb.bench.phaseSeconds", 10) * 1_000_000_000L;

    private Workbench wb;

    @Start
    void start(Stage stage) {
        wb = WorkbenchWindowTest.create();
        stage.setScene(new Scene(wb.root(), 1280, 800));
        stage.show();
    }

    @Test
    void frameIntervalsWhileTrainingAtFullSpeed(FxRobot robot) throws Exception {
        robot.interact(() -> wb.data.samples.getItems().stream().filter(s -> s.id().equals("clustered")).findFirst()
                .ifPresent(wb.data.samples.getSelectionModel()::select));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wb.data.loadedProperty().get() != null);
        // baseline in the same run: the same window, curves tab shown, nothing training
        robot.interact(() -> wb.tabs.getSelectionModel().select(wb.curvesTab));
        List<Long> idle = measure(robot, PHASE_NANOS / 2);
        String idleLine = String.format(Locale.ROOT, "idle (no run): %d frames, frame interval p50 %.1f ms, p99 %.1f ms",
                idle.size(), pct(idle, 50), pct(idle, 99));
        System.out.println("FX-BENCH " + idleLine);
        Map<Integer, Long> published = new ConcurrentHashMap<>();
        List<Long> delays = new CopyOnWriteArrayList<>();
        wb.vm.setDrawHook((step, nanos) -> {
            Long p = published.remove(step);
            if (p != null) {
                delays.add(nanos - p);
            }
            published.keySet().removeIf(k -> k < step); // steps coalesced away
        });
        robot.interact(() -> {
            wb.model.models.getItems().stream().filter(f -> f.id().equals(ViewsDemoModelFactory.ID)).findFirst()
                    .ifPresent(wb.model.models::setValue);
            wb.model.paramsProperty().set(wb.model.params().with("steps", 10_000_000).with("learningRate", 0.001));
            wb.start();
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wb.vm.current() != null
                && wb.vm.stateProperty().get() == RunState.RUNNING);
        wb.vm.current().run().addListener(new RunListener() {
            @Override
            public void onSnapshot(TrainingSnapshot s) {
                published.put(s.step(), System.nanoTime());
            }
        });
        StringBuilder report = new StringBuilder(idleLine).append('\n');
        for (String phase : List.of("training, drawing suspended (control)", "curves", "relatedness")) {
            boolean control = phase.startsWith("training");
            robot.interact(() -> {
                wb.vm.suspendDrawing(control);
                wb.tabs.getSelectionModel().select(phase.equals("relatedness") ? wb.viewsTab : wb.curvesTab);
            });
            delays.clear();
            List<Long> intervals = Collections.synchronizedList(new ArrayList<>());
            long[] last = {0};
            AnimationTimer timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (last[0] != 0) {
                        intervals.add(now - last[0]);
                    }
                    last[0] = now;
                }
            };
            int stepsBefore = wb.vm.current().run().trace().size();
            robot.interact(timer::start);
            long t0 = System.nanoTime();
            Thread.sleep(PHASE_NANOS / 1_000_000);
            robot.interact(timer::stop);
            double secs = (System.nanoTime() - t0) / 1e9;
            int steps = wb.vm.current().run().trace().size() - stepsBefore;
            String line = String.format(Locale.ROOT,
                    "%s: %.1f s, %d frames, frame interval p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                            + "%d steps trained (%.0f steps/s); snapshot-to-screen p50 %.1f ms, p99 %.1f ms (%d draws)",
                    phase, secs, intervals.size(), pct(intervals, 50), pct(intervals, 99), pct(intervals, 100), steps,
                    steps / secs, pct(delays, 50), pct(delays, 99), delays.size());
            System.out.println("FX-BENCH " + line);
            report.append(line).append('\n');
            assertThat(intervals).isNotEmpty();
        }
        robot.interact(() -> wb.vm.stop());
        Path out = Path.of("target", "bench", "fx-frames.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    private static List<Long> measure(FxRobot robot, long nanos) throws InterruptedException {
        List<Long> intervals = Collections.synchronizedList(new ArrayList<>());
        long[] last = {0};
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (last[0] != 0) {
                    intervals.add(now - last[0]);
                }
                last[0] = now;
            }
        };
        robot.interact(timer::start);
        Thread.sleep(nanos / 1_000_000);
        robot.interact(timer::stop);
        return new ArrayList<>(intervals);
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
