package org.mtlworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtlworkbench.experiment.lesson.Lesson;
import org.mtlworkbench.experiment.lesson.LessonStep;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every lesson in presenter mode at projector size (1280×720; the headless Monocle screen is too small for
 * 1920×1080): every step trained to the end in the window, every claim checked there, and a screenshot of each
 * lesson's claim step (its last step when it has none) with the relatedness views, into
 * {@code -Dmtlwb.screenshots.dir} (default target/screenshots). Regenerate the docs' pictures
 * with {@code mvn -o -q test -Dtest=TeachingScreenshotsTest -Dtest.excluded.groups=
 * -Dmtlwb.screenshots.dir=docs/screenshots}.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class TeachingScreenshotsTest {

    private Workbench wb;
    private final Path dir = Path.of(System.getProperty("mtlwb.screenshots.dir", "target/screenshots"));

    @Start
    void start(Stage stage) {
        wb = WorkbenchWindowTest.create();
        wb.teaching.setFullScreenAllowed(false);
        Scene scene = new Scene(wb.root(), 1280, 720);
        wb.installKeys(scene);
        stage.setScene(scene);
        stage.show();
    }

    private void shoot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(400);
        WaitForAsyncUtils.waitForFxEvents();
        Files.createDirectories(dir);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = wb.root().getScene().snapshot(null));
        Path file = dir.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", file.toFile());
        assertThat(file).isNotEmptyFile();
    }

    @Test
    void everyLessonTrainsItsClaimsAreSeenAndItIsPhotographedInPresenterMode(FxRobot robot) throws Exception {
        robot.interact(() -> wb.teaching.setPresenter(true));
        for (Lesson l : wb.teaching.lessons) {
            robot.interact(() -> wb.teaching.openLesson(l, 0));
            int shot = l.steps().size() - 1;
            for (int i = 0; i < l.steps().size(); i++) {
                if (l.step(i).claim() != null) {
                    shot = Math.min(shot, i);
                }
            }
            for (int i = 0; i < l.steps().size(); i++) {
                int at = i;
                robot.interact(() -> wb.teaching.goTo(at));
                LessonStep s = l.step(i);
                TeachingWindowTest.waitForSetup(wb, Teaching.setupOf(l, i));
                TeachingWindowTest.trainToEnd(robot, wb, 300);
                if (s.claim() != null) {
                    TeachingWindowTest.checkClaim(robot, wb);
                }
                if (i == shot || s.claim() != null) { // the first claim step, and every later one by its number
                    robot.interact(() -> {
                        wb.relatedness.clusterOrder.setSelected(false);
                        wb.tabs.getSelectionModel().select(wb.relatedness.figureViews().isEmpty() ? wb.curvesTab
                                : wb.viewsTab);
                        wb.teaching.pane.setVvalue(1); // the claim's result at the bottom of the lesson
                    });
                    shoot(robot, i == shot ? "lesson-" + l.id() : "lesson-" + l.id() + "-step" + (i + 1));
                }
            }
        }
    }
}
