package org.mtlworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtlworkbench.train.RunState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The first window, driven headless: pick a bundled sample, train the independent baseline, see live curves. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {

    private BorderPane root;

    @Start
    void start(Stage stage) {
        List<SampleDataSet> samples = SampleGallery.list(Path.of("sample-data"));
        root = WorkbenchApp.buildRoot(samples);
        stage.setScene(new Scene(root, 1000, 650));
        stage.show();
    }

    @Test
    void listsTheBundledSamplesWithTheirDescriptions(FxRobot robot) {
        ListView<SampleDataSet> list = robot.lookup("#samples").queryListView();
        assertThat(list.getItems()).extracting(SampleDataSet::id)
                .contains("clustered", "gated", "tree", "sparse", "linked", "conflicting");
        robot.interact(() -> list.getSelectionModel().select(0));
        Label description = robot.lookup("#description").queryAs(Label.class);
        assertThat(description.getText()).hasSizeGreaterThan(80);
    }

    @Test
    void trainsTheIndependentBaselineWithALiveCurve(FxRobot robot) throws Exception {
        ListView<SampleDataSet> list = robot.lookup("#samples").queryListView();
        robot.interact(() -> list.getItems().stream().filter(s -> s.id().equals("clustered")).findFirst()
                .ifPresent(list.getSelectionModel()::select));
        robot.clickOn("#train");
        TrainingViewModel vm = (TrainingViewModel) root.getUserData();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> vm.stateProperty().get() == RunState.COMPLETED);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.pointsDrawn()).isPositive();
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertThat(status.getText()).startsWith("completed").contains("test rmse");
        saveScreenshot(robot, Path.of("target", "screenshots", "first-window.png"));
    }

    /** A picture of what the user sees, for the docs and for looking at a headless run. */
    private void saveScreenshot(FxRobot robot, Path file) throws Exception {
        java.nio.file.Files.createDirectories(file.getParent());
        javafx.scene.image.WritableImage[] image = new javafx.scene.image.WritableImage[1];
        robot.interact(() -> image[0] = root.getScene().snapshot(null));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(image[0], null), "png",
                file.toFile());
        assertThat(file).isNotEmptyFile();
    }
}
