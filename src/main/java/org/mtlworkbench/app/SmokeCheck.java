package org.mtlworkbench.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.mtlworkbench.data.SplitSpec;
import org.mtlworkbench.experiment.DataPreparation;
import org.mtlworkbench.experiment.DataRequest;
import org.mtlworkbench.experiment.PreparedData;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.numeric.DjlCache;
import org.mtlworkbench.numeric.DjlDevices;
import org.mtlworkbench.train.RunConfig;
import org.mtlworkbench.train.RunResult;
import org.mtlworkbench.train.RunState;
import org.mtlworkbench.train.TraceRow;
import org.mtlworkbench.train.TrainingRun;

/**
 * {@code --smoke}: proves a packaged program works. Loads a bundled sample data set, trains the pooled baseline and a
 * few VMTL steps (which loads DJL's PyTorch native libraries), opens the workbench window for a moment when there is
 * a display, and prints one line starting with {@code SMOKE OK}; any failure prints {@code SMOKE FAILED: why} and
 * gives exit code 1.
 */
final class SmokeCheck {

    static final String SAMPLE = "clustered";
    static final int VMTL_STEPS = 20;
    private static final long GUI_TIMEOUT_SECONDS = 120;

    private SmokeCheck() {
    }

    /** Runs the check (with the window when {@code gui}); the exit code for the process (0 = all fine). */
    static int run(PrintStream out, PrintStream err, boolean gui) {
        try {
            out.println(check(gui));
            out.flush();
            return 0;
        } catch (Exception | LinkageError e) {
            err.println("SMOKE FAILED: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private static String check(boolean withGui) throws Exception {
        long start = System.nanoTime();
        Path cache = DjlCache.configure();
        Path folder = SampleGallery.defaultFolder().toAbsolutePath();
        List<SampleDataSet> samples = SampleGallery.list(folder);
        SampleDataSet sample = samples.stream().filter(s -> s.id().equals(SAMPLE)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no sample data set '" + SAMPLE + "' in " + folder
                        + " (found " + samples.size() + "; -Dmtlwb.samples=DIR points elsewhere)"));
        PreparedData data = DataPreparation.prepare(
                new DataRequest(sample.csv(), sample.tasksCsv(), null, SplitSpec.count(20, 1)));

        ModelRegistry registry = ModelRegistry.load();
        RunResult pooled = train(registry.get("pooled"), Map.of(), data);
        double pooledRmse = pooled.test().get("rmse");
        RunResult vmtl = train(registry.get("vmtl"), Map.of("steps", Integer.toString(VMTL_STEPS)), data);
        TraceRow last = vmtl.trace().get(vmtl.trace().size() - 1);
        double loss = last.losses().values().iterator().next();
        requireFinite("pooled test rmse", pooledRmse);
        requireFinite("vmtl loss", loss);
        requireFinite("vmtl test rmse", vmtl.test().get("rmse"));
        if (last.step() != VMTL_STEPS) {
            throw new IllegalStateException("vmtl stopped at step " + last.step() + ", not " + VMTL_STEPS);
        }
        String device = DjlDevices.describe(DjlDevices.preferredDevice());
        String gui = withGui ? showWindowBriefly() : "skipped(no-display)";
        return String.format(Locale.ROOT, "SMOKE OK data=%s tasks=%d rows=%d model=vmtl steps=%d loss=%.4f"
                        + " rmse=%.4f pooled_rmse=%.4f device=%s gui=%s djl_cache=%s seconds=%.1f",
                sample.id(), data.full().taskCount(), data.full().totalRows(), last.step(), loss,
                vmtl.test().get("rmse"), pooledRmse, device, gui, cache, (System.nanoTime() - start) / 1e9);
    }

    private static RunResult train(ModelFactory factory, Map<String, String> params, PreparedData data)
            throws InterruptedException {
        RunConfig cfg = new RunConfig(factory, ParamValues.parse(factory.params(), params), 1, 0);
        try (TrainingRun run = new TrainingRun(cfg, data.split(), data.info())) {
            run.start();
            RunResult r = run.await();
            if (r.state() != RunState.COMPLETED) {
                throw new IllegalStateException(factory.id() + " ended " + r.state()
                        + (r.error() == null ? "" : ": " + r.error()), r.error());
            }
            return r;
        }
    }

    private static void requireFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalStateException(what + " is " + v);
        }
    }

    /** Whether this process can open a window. */
    static boolean displayAvailable() {
        return displayAvailable(System.getProperty("os.name", ""), System.getenv(),
                System.getProperty("java.awt.headless"));
    }

    /**
     * Whether a window can open: on Linux and other X11/Wayland systems only when DISPLAY or WAYLAND_DISPLAY is set;
     * elsewhere always, unless {@code java.awt.headless=true}.
     */
    static boolean displayAvailable(String osName, Map<String, String> env, String awtHeadless) {
        if ("true".equalsIgnoreCase(awtHeadless)) {
            return false;
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return true;
        }
        return !env.getOrDefault("DISPLAY", "").isEmpty() || !env.getOrDefault("WAYLAND_DISPLAY", "").isEmpty();
    }

    /** Starts the FX toolkit, shows the workbench with its samples, closes it; "shown(WxH,N-samples)". */
    private static String showWindowBriefly() throws InterruptedException {
        CountDownLatch shown = new CountDownLatch(1);
        AtomicReference<Object> outcome = new AtomicReference<>();
        Platform.startup(() -> {
            try {
                Stage stage = new Stage();
                stage.setOnShown(e -> Platform.runLater(() -> {
                    outcome.set(String.format(Locale.ROOT, "shown(%.0fx%.0f)", stage.getWidth(),
                            stage.getHeight()));
                    stage.close();
                    shown.countDown();
                }));
                new WorkbenchApp().start(stage);
            } catch (RuntimeException | LinkageError e) {
                outcome.set(e);
                shown.countDown();
            }
        });
        boolean done = shown.await(GUI_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Platform.exit();
        if (!done) {
            throw new IllegalStateException("the workbench window did not show within " + GUI_TIMEOUT_SECONDS
                    + " s");
        }
        if (outcome.get() instanceof Throwable t) {
            throw new IllegalStateException("the workbench window failed to open: " + t, t);
        }
        return (String) outcome.get();
    }
}
