package org.mtlworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mtlworkbench.export.render.DendrogramRenderer;
import org.mtlworkbench.export.render.FigureExporter;
import org.mtlworkbench.export.render.HeatmapRenderer;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.train.RunState;
import org.mtlworkbench.train.TraceRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/**
 * The workbench driven headless (Monocle): open a sample, pick a model, start, watch the loss curve grow, pause, step,
 * resume, move τ and see the model's knob get it, see the relatedness views with the ground truth, export a chart to
 * PNG and SVG, run the baseline, save and load an experiment, and load a malformed CSV.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {

    private Workbench wb;

    @TempDir
    Path tmp;

    static Workbench create() {
        System.setProperty("mtlwb.prefs.node", "/org/mtlworkbench/app-test");
        List<ModelFactory> factories = new ArrayList<>(ModelRegistry.load().all());
        factories.add(new ViewsDemoModelFactory());
        return new Workbench(SampleGallery.list(Path.of("sample-data")), factories, WorkbenchPrefs.load());
    }

    @Start
    void start(Stage stage) {
        wb = create();
        Scene scene = new Scene(wb.root(), 1200, 780);
        wb.installKeys(scene);
        stage.setScene(scene);
        stage.titleProperty().bind(wb.titleProperty());
        stage.show();
    }

    private static void waitFor(int seconds, Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openSample(FxRobot robot, String id) throws Exception {
        robot.interact(() -> wb.data.samples.getItems().stream().filter(s -> s.id().equals(id)).findFirst()
                .ifPresent(wb.data.samples.getSelectionModel()::select));
        waitFor(30, () -> wb.data.loadedProperty().get() != null
                && wb.data.loadedProperty().get().data().dataset().name().equals(id));
    }

    private void pickModel(FxRobot robot, String id) {
        robot.interact(() -> wb.model.models.getItems().stream().filter(f -> f.id().equals(id)).findFirst()
                .ifPresent(wb.model.models::setValue));
    }

    @Test
    void opensASampleWithPreviewSummaryAndGroundTruth(FxRobot robot) throws Exception {
        assertThat(wb.data.samples.getItems()).extracting(SampleDataSet::id)
                .contains("clustered", "gated", "tree", "sparse", "linked", "conflicting");
        openSample(robot, "clustered");
        assertThat(robot.lookup("#description").queryAs(Label.class).getText()).hasSizeGreaterThan(80);
        assertThat(wb.data.perTask.getItems()).hasSize(12);
        assertThat(wb.data.preview.getItems()).isNotEmpty();
        assertThat(wb.data.preview.getColumns()).extracting(c -> c.getText())
                .containsExactly("task", "x1", "x2", "x3", "x4", "target");
        assertThat(wb.data.summary.getText()).contains("12 tasks", "600 rows", "ground truth");
        assertThat(wb.data.loadedProperty().get().truth().views()).hasSize(2);
        assertThat(robot.window(0).getScene().getRoot()).isSameAs(wb.root());
        assertThat(wb.titleProperty().get()).isEqualTo("MTL Workbench — clustered");
    }

    /** A model's status line (a phase that reports no steps, e.g. VMTL's tying choice) shows until its first step. */
    @Test
    void aStatusLineBeforeTheFirstStepShowsInTheProgressLineThenStepsReplaceIt(FxRobot robot) throws Exception {
        openSample(robot, "clustered");
        pickModel(robot, ViewsDemoModelFactory.ID);
        robot.interact(() -> wb.model.paramsProperty().set(wb.model.params().with("steps", 1_000_000)
                .with("stepDelayMillis", 10).with("statusMillis", 1500)));
        robot.clickOn("#start");
        waitFor(10, () -> wb.vm.progressTextProperty().get().startsWith("warming up: part "));
        assertThat(wb.curves.loss.totalPoints()).isZero();
        assertThat(wb.vm.progressTextProperty().get()).endsWith(" · CPU");
        waitFor(30, () -> wb.vm.progressTextProperty().get().startsWith("step "));
        robot.clickOn("#stop");
        waitFor(10, () -> wb.vm.stateProperty().get().isFinished());
    }

    @Test
    void trainsLivePausesStepsResumesAndTheTauSliderReachesTheModel(FxRobot robot) throws Exception {
        openSample(robot, "clustered");
        pickModel(robot, ViewsDemoModelFactory.ID);
        assertThat(wb.curves.tau.isVisible()).isTrue();
        // 10 ms a step: fast enough for every wait below, and training does not eat the CPU the FX thread needs;
        // τ decays by a schedule (changes every step) until the slider sets it
        robot.interact(() -> wb.model.paramsProperty().set(wb.model.params().with("steps", 1_000_000)
                .with("stepDelayMillis", 10).with("tauDecay", 1e-3)));
        robot.clickOn("#start");
        waitFor(30, () -> wb.vm.stateProperty().get() == RunState.RUNNING && wb.curves.loss.totalPoints() > 10);
        int early = wb.curves.loss.pointCount("loss (total)");
        waitFor(30, () -> wb.curves.loss.pointCount("loss (total)") > early + 20);
        assertThat(wb.curves.loss.names()).contains("loss (total)", "squared error", "shrinkage penalty");
        assertThat(wb.curves.metrics.names()).contains("test rmse (all tasks)", "train rmse (all tasks)");

        // pause, step exactly one, resume (button and Space key)
        robot.clickOn("#pause");
        waitFor(10, () -> wb.vm.stateProperty().get() == RunState.PAUSED);
        RunRecord r = wb.vm.current();
        int before = r.run().trace().size();
        robot.clickOn("#step");
        waitFor(10, () -> r.run().trace().size() == before + 1 && wb.vm.stateProperty().get() == RunState.PAUSED);
        Thread.sleep(200);
        assertThat(r.run().trace()).hasSize(before + 1);
        // the text is throttled while running, but a paused run shows its exact step
        waitFor(10, () -> wb.vm.statusProperty().get().startsWith("Paused at step " + (before + 1) + " — ")
                && wb.vm.progressTextProperty().get().startsWith("step " + (before + 1) + " of at most"));
        robot.clickOn("#pause"); // now "Resume"
        waitFor(10, () -> wb.vm.stateProperty().get() == RunState.RUNNING);
        robot.type(KeyCode.SPACE);
        waitFor(10, () -> wb.vm.stateProperty().get() == RunState.PAUSED);
        robot.type(KeyCode.SPACE);
        waitFor(10, () -> wb.vm.stateProperty().get() == RunState.RUNNING);

        // τ: the slider's value reaches the knob after the debounce, and the model reads it
        // a schedule's τ changes at every step: that is not marked, only the user's change is (decision 0044)
        assertThat(wb.curves.loss.markerSteps()).isEmpty();
        assertThat(Double.parseDouble(wb.curves.loss.subtitle().substring("τ = ".length())))
                .isStrictlyBetween(0.0, 0.5); // the schedule's current 0.5·exp(−0.001·step)
        robot.interact(() -> wb.curves.tau.set(2.0));
        waitFor(10, () -> r.run().knobs().get("tau").isPresent());
        assertThat(r.run().knobs().get("tau").getAsDouble()).isCloseTo(2.0, within(1e-9));
        waitFor(10, () -> ViewsDemoModelFactory.TAUS_SEEN.stream().anyMatch(t -> Math.abs(t - 2.0) < 1e-9));
        waitFor(10, () -> !wb.curves.loss.markerSteps().isEmpty());
        assertThat(wb.curves.loss.subtitle()).isEqualTo("τ = 2.00");
        // one marker, at the first step that reported τ = 2 (the model reads the knob at the start of a step)
        double marked = wb.curves.loss.markerSteps().get(0);
        TraceRow first2 = r.run().trace().stream().filter(row -> Math.abs(row.scalars().get("tau") - 2.0) < 1e-9)
                .findFirst().orElseThrow();
        assertThat(marked).isEqualTo(first2.step());
        waitFor(10, () -> wb.curves.loss.pointCount("loss (total)") > marked + 5);
        assertThat(wb.curves.loss.markerSteps()).containsExactly(marked);

        // relatedness: four learned views, the true co-membership beside the heatmap and allocation
        robot.interact(() -> wb.tabs.getSelectionModel().select(wb.viewsTab));
        waitFor(10, () -> wb.relatedness.learnedViews().size() == 4);
        assertThat(wb.relatedness.truthViews()).hasSize(2);
        FigureView heat = wb.relatedness.learnedViews().stream().filter(v -> v.figure() instanceof HeatmapRenderer)
                .findFirst().orElseThrow();
        String[] hover = new String[1];
        robot.interact(() -> hover[0] = heat.hover(heat.getWidth() / 2, heat.getHeight() / 2));
        assertThat(hover[0]).startsWith("task t").contains(", task t", ": ");
        FigureView tree = wb.relatedness.learnedViews().stream().filter(v -> v.figure() instanceof DendrogramRenderer)
                .findFirst().orElseThrow();
        assertThat(tree.getWidth()).isPositive();

        // export the loss chart and the heatmap as PNG and SVG, as the export menu does
        Path png = tmp.resolve("loss.png");
        Path svg = tmp.resolve("heatmap.svg");
        robot.interact(() -> {
            try {
                FigureExporter.write(wb.curves.loss, 900, 600, png);
                FigureExporter.write(heat.figure(), 700, 600, svg);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(900);
        assertThat(img.getHeight()).isEqualTo(600);
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = dbf.newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(Files.readString(svg)).contains("t01", "t12");

        robot.clickOn("#stop");
        waitFor(10, () -> wb.vm.stateProperty().get() == RunState.CANCELLED);
        assertThat(wb.runs.runs).hasSize(1);
        assertThat(wb.titleProperty().get()).endsWith("•");
    }

    @Test
    void runsTheIndependentBaselineOnTheSameSplitAndOverlaysRuns(FxRobot robot) throws Exception {
        openSample(robot, "clustered");
        pickModel(robot, "pooled");
        robot.clickOn("#start");
        waitFor(60, () -> wb.vm.stateProperty().get() == RunState.COMPLETED);
        robot.interact(() -> wb.tabs.getSelectionModel().select(wb.runsTab));
        robot.clickOn("#baseline");
        waitFor(60, () -> wb.runs.runs.size() == 2 && wb.vm.stateProperty().get() == RunState.COMPLETED);
        RunRecord pooled = wb.runs.runs.get(0);
        RunRecord independent = wb.runs.runs.get(1);
        assertThat(independent.factory().id()).isEqualTo("independent");
        assertThat(independent.split()).isEqualTo(pooled.split());
        assertThat(independent.data().split().train().totalRows()).isEqualTo(pooled.data().split().train().totalRows());
        assertThat(independent.metricsProperty().get()).contains("rmse");
        // on clustered tasks, per-task models beat one pooled model
        double rmseIndependent = independent.run().result().orElseThrow().test().get("rmse");
        double rmsePooled = pooled.run().result().orElseThrow().test().get("rmse");
        assertThat(rmseIndependent).isLessThan(rmsePooled);
        robot.interact(() -> wb.runs.table.getSelectionModel().selectAll());
        waitFor(10, () -> wb.runs.overlay.names().size() == 2);
        assertThat(wb.runs.overlay.names()).allMatch(n -> n.endsWith("test rmse"));
        // the independent model reports a task matrix: shown with the truth beside it
        assertThat(wb.relatedness.learnedViews()).isNotEmpty();

        // export run: figures and data in one folder
        Path dir = tmp.resolve("run");
        List<Path> files = RunExport.write(independent, dir);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("metrics.json", "trace.csv", "provenance.json", "loss-curves.csv",
                        "loss-terms-lower-is-better.png", "loss-terms-lower-is-better.svg",
                        "loss-terms-lower-is-better.pdf");
        assertThat(ImageIO.read(dir.resolve("loss-terms-lower-is-better.png").toFile())).isNotNull();

        // experiment: save clears the dirty mark, load restores the model and seed
        Path exp = tmp.resolve("exp.json");
        robot.interact(() -> {
            try {
                wb.saveExperiment(exp);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(wb.titleProperty().get()).isEqualTo("MTL Workbench — exp");
        pickModel(robot, ViewsDemoModelFactory.ID);
        robot.interact(() -> wb.loadExperiment(exp));
        assertThat(wb.model.factory().id()).isEqualTo("pooled");
        assertThat(wb.titleProperty().get()).doesNotEndWith("•");
    }

    @Test
    void aMalformedCsvOpensAnErrorDialogNamingTheLine(FxRobot robot) throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "task,x1,target\na,1.0,2.0\na,2.0,3.0\nb,oops,1.0\nb,1.0,2.0\n");
        robot.interact(() -> wb.openPath(bad));
        waitFor(20, () -> robot.lookup("#importErrorLine").tryQuery().isPresent());
        assertThat(robot.lookup("#importErrorLine").queryAs(Label.class).getText()).isEqualTo("4");
        assertThat(robot.lookup("#importErrorColumn").queryAs(Label.class).getText()).contains("2");
        assertThat(robot.lookup("#importErrorText").queryTextInputControl().getText()).isEqualTo("b,oops,1.0");
        assertThat(wb.data.loadedProperty().get()).isNull();
    }
}
