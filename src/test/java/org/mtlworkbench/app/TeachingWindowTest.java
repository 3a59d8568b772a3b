package org.mtlworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mtlworkbench.export.Slugs;
import org.mtlworkbench.experiment.lesson.Lesson;
import org.mtlworkbench.experiment.lesson.LessonStep;
import org.mtlworkbench.experiment.setup.Setup;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.train.RunState;
import org.mtlworkbench.train.TraceRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The teaching side driven headless: every lesson opens from the Lessons menu and walks its steps (each step's data
 * and model are put in place); the task-clustering lesson trains and its claim passes in the window, and its set-up,
 * saved and opened in a fresh window, trains to the identical trace (every lesson trains and checks its claims in
 * {@code TeachingScreenshotsTest}, tagged slow); a malformed set-up names line and column; presenter mode and
 * the "?" explanations.
 */
@ExtendWith(ApplicationExtension.class)
class TeachingWindowTest {

    private Workbench wb;
    private Stage stage;

    @TempDir
    Path tmp;

    @Start
    void start(Stage s) {
        stage = s;
        wb = WorkbenchWindowTest.create();
        wb.teaching.setFullScreenAllowed(false);
        Scene scene = new Scene(wb.root(), 1280, 800);
        wb.installKeys(scene);
        s.setScene(scene);
        s.show();
    }

    static void waitFor(int seconds, Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the workbench shows the set-up: its data loaded, its model picked. */
    static void waitForSetup(Workbench w, Setup s) throws Exception {
        waitFor(30, () -> w.data.loadedProperty().get() != null && w.data.loadedProperty().get().data().dataset()
                .name().equals(s.data().sample()) && w.model.factory().id().equals(s.model().id()));
    }

    static void trainToEnd(FxRobot robot, Workbench w, int seconds) throws Exception {
        int before = w.runs.runs.size();
        long t0 = System.nanoTime();
        robot.interact(w::start);
        waitFor(seconds, () -> w.runs.runs.size() == before + 1 && w.vm.stateProperty().get().isFinished());
        assertThat(w.vm.stateProperty().get()).isEqualTo(RunState.COMPLETED);
        var p = w.vm.current().run().result().orElseThrow().provenance();
        System.out.printf(java.util.Locale.ROOT, "trained %s: %d steps, %.2f s in the run, %.2f s until shown%n",
                w.model.factory().id(), p.steps(), p.wallSeconds(), (System.nanoTime() - t0) / 1e9);
    }

    static void checkClaim(FxRobot robot, Workbench w) throws Exception {
        robot.interact(() -> w.teaching.pane.checkClaim.fire());
        waitFor(60, () -> w.teaching.lastClaim() != null);
        assertThat(w.teaching.lastClaim().passed()).as(w.teaching.lastClaim().summary()).isTrue();
        assertThat(w.teaching.pane.claimResult.getText()).startsWith("✔");
    }

    private MenuItem menuItem(String id) {
        MenuBar bar = (MenuBar) wb.lookup("menuBar");
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item " + id));
    }

    @Test
    void everyLessonOpensFromTheMenuAndItsStepsAdvanceWithTheirSetUps(FxRobot robot) throws Exception {
        assertThat(wb.teaching.lessons).hasSizeGreaterThanOrEqualTo(6);
        for (Lesson l : wb.teaching.lessons) {
            robot.interact(() -> menuItem("lesson-" + l.id()).fire());
            assertThat(wb.root().getRight()).isSameAs(wb.teaching.pane);
            for (int i = 0; i < l.steps().size(); i++) {
                LessonStep s = l.step(i);
                Setup setup = Teaching.setupOf(l, i);
                waitForSetup(wb, setup);
                assertThat(wb.teaching.pane.stepTitle.getText()).contains("Step " + (i + 1) + " of "
                        + l.steps().size(), s.title());
                assertThat(wb.teaching.pane.text.getText()).isEqualTo(s.text());
                assertThat(wb.teaching.pane.equation.getImage() != null).isEqualTo(s.equation() != null);
                if (s.equation() != null) {
                    assertThat(wb.teaching.pane.equation.getImage().getWidth()).isGreaterThan(40);
                }
                if (setup.split() != null) {
                    assertThat(wb.data.splitSpec()).isEqualTo(setup.split().toSpec());
                }
                for (var e : setup.model().params().entrySet()) {
                    assertThat(wb.model.params().get(e.getKey())).as(l.id() + " " + e.getKey())
                            .isEqualTo(e.getValue());
                }
                for (String locked : setup.controlsOrNone().locked()) {
                    assertThat(wb.teaching.locks.isLocked(locked)).isTrue();
                }
                assertThat(wb.teaching.pane.checkClaim.getParent().isVisible()).isEqualTo(s.claim() != null);
                if (i + 1 < l.steps().size()) {
                    robot.clickOn("#lessonNext");
                    WaitForAsyncUtils.waitForFxEvents();
                }
            }
            assertThat(wb.teaching.pane.next.isDisabled()).isTrue();
        }
        robot.interact(() -> wb.teaching.closeLesson());
        assertThat(wb.root().getRight()).isNull();
        assertThat(wb.teaching.locks.isLocked("model")).isFalse();
    }

    @Test
    void aSharedSetUpOpensInAFreshWindowAndTrainsToTheSameTrace(FxRobot robot) throws Exception {
        Lesson l = wb.teaching.lesson("task-clustering").orElseThrow();
        robot.interact(() -> wb.teaching.openLesson(l, 0));
        waitForSetup(wb, l.step(0).setup());
        robot.interact(() -> {
            wb.model.seed.getValueFactory().setValue(7);
            wb.data.splitSeed.getValueFactory().setValue(3);
            wb.teaching.locks.setHidden("seed", true);
        });
        trainToEnd(robot, wb, 60);
        checkClaim(robot, wb); // the lesson's claim, checked in the window on this run
        // "Export run" writes the lesson step's equation beside the run's figures
        RunRecord exported = wb.runs.runs.get(wb.runs.runs.size() - 1);
        Path out = tmp.resolve("export");
        List<Path> files = RunExport.write(exported, out);
        String eq = Slugs.uniqueFileName(l.step(0).title(), "", new java.util.HashSet<>());
        assertThat(files).contains(out.resolve(eq + ".png"), out.resolve(eq + ".svg"), out.resolve(eq + ".pdf"));
        assertThat(javax.imageio.ImageIO.read(out.resolve(eq + ".png").toFile())).isNotNull();
        List<TraceRow> first = wb.vm.current().trace();
        Path file = tmp.resolve("clusters.mtlsetup");
        robot.interact(() -> {
            try {
                wb.teaching.saveSetup(file, false);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(Files.readString(file)).contains("\"sample\" : \"clustered\"", "\"seed\" : 7",
                "\"task-clustering\"");

        Workbench fresh = WorkbenchWindowTest.create();
        robot.interact(() -> {
            Stage s2 = new Stage();
            s2.setScene(new Scene(fresh.root(), 1000, 700));
            s2.show();
            fresh.teaching.openSetup(file, () -> { });
        });
        Setup expected = l.step(0).setup();
        waitForSetup(fresh, expected);
        assertThat(fresh.model.seedValue()).isEqualTo(7);
        assertThat(fresh.data.splitSpec()).isEqualTo(wb.data.splitSpec());
        assertThat(fresh.model.params().asMap()).isEqualTo(wb.model.params().asMap());
        assertThat(fresh.teaching.locks.isHidden("seed")).isTrue();
        assertThat(fresh.teaching.locks.isLocked("model")).isTrue();
        assertThat(fresh.teaching.currentLesson().id()).isEqualTo("task-clustering");
        trainToEnd(robot, fresh, 60);
        List<TraceRow> second = fresh.vm.current().trace();
        assertThat(second).hasSameSizeAs(first).isNotEmpty();
        for (int i = 0; i < first.size(); i++) {
            TraceRow a = first.get(i);
            TraceRow b = second.get(i);
            assertThat(b.step()).isEqualTo(a.step());
            assertThat(b.losses()).isEqualTo(a.losses());
            assertThat(b.scalars()).isEqualTo(a.scalars());
            assertThat(b.testMetrics()).isEqualTo(a.testMetrics());
            assertThat(b.trainMetrics()).isEqualTo(a.trainMetrics());
        }
    }

    @Test
    void aMalformedSetUpNamesTheFileLineAndColumn(FxRobot robot) throws Exception {
        Path bad = tmp.resolve("bad.mtlsetup");
        Files.writeString(bad, "{\"format\": \"mtl-workbench-setup\", \"version\": 1,\n"
                + "  \"setup\": {\"data\": {\"sample\": \"clustered\"},\n"
                + "    \"model\": {\"id\": \"clustering\"},,}}\n");
        robot.interact(() -> wb.teaching.openSetup(bad, () -> { }));
        waitFor(10, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane d = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(d.getHeaderText()).isEqualTo("Could not open the set-up");
        assertThat(d.getContentText()).contains("bad.mtlsetup, line 3, column 35", "not valid JSON");
        assertThat(wb.data.loadedProperty().get()).isNull();
    }

    @Test
    void presenterModeTogglesWithF5AndTheQuestionMarkExplainsTheModelsViews(FxRobot robot) throws Exception {
        robot.interact(() -> wb.model.models.getItems().stream().filter(f -> f.id().equals("clustering"))
                .findFirst().ifPresent(wb.model.models::setValue));
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wb.root().getStyleClass()).contains("presenter");
        assertThat(wb.root().getScene().getStylesheets()).contains(PresenterMode.STYLESHEET);
        assertThat(FigureView.drawScale()).isEqualTo(PresenterMode.SCALE); // curves and views grow alike
        assertThat(wb.start.getFont().getSize()).isGreaterThanOrEqualTo(19);
        robot.interact(() -> wb.teaching.highContrastItem.setSelected(true));
        assertThat(wb.root().getStyleClass()).contains("high-contrast");

        robot.interact(() -> wb.tabs.getSelectionModel().select(wb.viewsTab));
        robot.clickOn("#explain");
        waitFor(10, () -> robot.lookup("#explainText").tryQuery().isPresent());
        TextFlow flow = robot.lookup("#explainText").queryAs(TextFlow.class);
        String shown = flow.getChildren().stream().map(n -> ((Text) n).getText()).reduce("", String::concat);
        assertThat(shown).contains("Cluster responsibilities", "soft co-assignment".substring(1));
        assertThat(((Text) flow.getChildren().get(0)).getFont().getSize()).isGreaterThan(20); // presenter size
        robot.interact(() -> flow.getScene().getWindow().hide());
        robot.clickOn("#tabs");

        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wb.root().getStyleClass()).doesNotContain("presenter");
        assertThat(FigureView.drawScale()).isEqualTo(1.0);
    }

    @Test
    void everyInstalledModelHasItsOwnExplanation() {
        for (ModelFactory f : ModelRegistry.load().all()) {
            assertThat(ExplainPanel.hasOwn(f.id())).as(f.id()).isTrue();
            assertThat(ExplainPanel.text(f.id()).split("\\s+").length).as(f.id()).isBetween(40, 320);
        }
        assertThat(ExplainPanel.text("no-such-model")).contains("Reading the relatedness views");
    }
}
