package org.mtlworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtlworkbench.train.RunState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes screenshots of the main views after real training on the bundled samples, into the folder named by
 * {@code -Dmtlwb.screenshots.dir} (default target/screenshots). Regenerate the docs' pictures with
 * {@code mvn -o -q test -Dtest=WorkbenchScreenshotsTest -Dtest.excluded.groups= -Dmtlwb.screenshots.dir=docs/screenshots}.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class WorkbenchScreenshotsTest {

    private Workbench wb;
    private final Path dir = Path.of(System.getProperty("mtlwb.screenshots.dir", "target/screenshots"));

    @Start
    void start(Stage stage) {
        wb = WorkbenchWindowTest.create();
        Scene scene = new Scene(wb.root(), 1280, 800);
        stage.setScene(scene);
        stage.show();
    }

    private void open(FxRobot robot, String id) throws Exception {
        robot.interact(() -> wb.data.samples.getItems().stream().filter(s -> s.id().equals(id)).findFirst()
                .ifPresent(wb.data.samples.getSelectionModel()::select));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wb.data.loadedProperty().get() != null
                && wb.data.loadedProperty().get().data().dataset().name().equals(id));
    }

    private void train(FxRobot robot, String model, java.util.function.UnaryOperator<org.mtlworkbench.model.ParamValues> params)
            throws Exception {
        robot.interact(() -> {
            wb.model.models.getItems().stream().filter(f -> f.id().equals(model)).findFirst()
                    .ifPresent(wb.model.models::setValue);
            wb.model.paramsProperty().set(params.apply(wb.model.params()));
        });
        int before = wb.runs.runs.size();
        robot.interact(wb::start);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> wb.runs.runs.size() == before + 1
                && wb.vm.stateProperty().get().isFinished());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(wb.vm.stateProperty().get()).isEqualTo(RunState.COMPLETED);
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        // the figures are drawn on the render thread: wait until every view's newest picture is on screen
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> FigureRenderThread.idle()
                && wb.relatedness.figureViews().stream().allMatch(FigureView::upToDate)
                && wb.curves.lossViewer.upToDate() && wb.curves.metricViewer.upToDate());
        WaitForAsyncUtils.waitForFxEvents();
        Files.createDirectories(dir);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = wb.root().getScene().snapshot(null));
        Path file = dir.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", file.toFile());
        assertThat(file).isNotEmptyFile();
    }

    private void showViews(FxRobot robot) {
        robot.interact(() -> {
            wb.relatedness.clusterOrder.setSelected(false);
            wb.tabs.getSelectionModel().select(wb.viewsTab);
        });
    }

    @Test
    void screenshotsOfTheMainViews(FxRobot robot) throws Exception {
        open(robot, "clustered");
        shoot(robot, "workbench-data");

        train(robot, "independent", p -> p);
        robot.interact(() -> {
            wb.relatedness.clusterOrder.setSelected(true);
            wb.tabs.getSelectionModel().select(wb.viewsTab);
        });
        shoot(robot, "workbench-relatedness-clustered");
        train(robot, "pooled", p -> p);

        open(robot, "sparse");
        train(robot, "sparse-gig", p -> p.with("groups", "blocks").with("groupSize", 2));
        robot.interact(() -> wb.tabs.getSelectionModel().select(wb.curvesTab));
        shoot(robot, "workbench-curves");
        robot.interact(() -> wb.tabs.getSelectionModel().select(wb.viewsTab));
        shoot(robot, "workbench-relatedness-sparse");

        open(robot, "tree");
        train(robot, "coalescent-da", p -> p);
        showViews(robot);
        shoot(robot, "workbench-views-tree");

        open(robot, "clustered");
        train(robot, "clustering", p -> p.with("clusters", 3));
        showViews(robot);
        shoot(robot, "workbench-views-allocation");

        open(robot, "linked");
        train(robot, "vmtl", p -> p.with("steps", 600));
        showViews(robot);
        shoot(robot, "workbench-views-vmtl");

        robot.interact(() -> {
            wb.tabs.getSelectionModel().select(wb.runsTab);
            wb.runs.table.getSelectionModel().selectRange(0, 2); // independent and pooled on clustered
        });
        shoot(robot, "workbench-runs");
    }
}
