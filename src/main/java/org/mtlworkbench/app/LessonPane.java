package org.mtlworkbench.app;

import java.awt.Color;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.mtlworkbench.experiment.lesson.ClaimResult;
import org.mtlworkbench.experiment.lesson.Lesson;
import org.mtlworkbench.experiment.lesson.LessonStep;
import org.mtlworkbench.export.render.EquationFigure;

/**
 * The lesson beside the workbench: the lesson's title, the step's text, its equation typeset by JLaTeXMath, the
 * "do this, watch that" instruction, the claim with a button that checks it on the trained model, and back/next.
 * It only shows; {@link Teaching} decides what a step does to the workbench.
 */
final class LessonPane extends ScrollPane {

    final Label lessonTitle = new Label();
    final Label stepTitle = new Label();
    final Label text = new Label();
    final ImageView equation = new ImageView();
    final Label instruction = new Label();
    final Label claim = new Label();
    final Button checkClaim = new Button("Check claim");
    final Label claimResult = new Label();
    final Button back = new Button("◀ Back");
    final Button next = new Button("Next ▶");
    final Button redo = new Button("Set up this step again");
    final Button close = new Button("Close lesson");
    private final VBox claimBox;
    private EquationFigure equationFigure;

    LessonPane() {
        setId("lessonPane");
        lessonTitle.getStyleClass().add("lesson-title");
        stepTitle.getStyleClass().add("lesson-step-title");
        stepTitle.setId("lessonStep");
        text.getStyleClass().add("lesson-text");
        text.setId("lessonText");
        instruction.getStyleClass().add("lesson-instruction");
        instruction.setId("lessonInstruction");
        claim.getStyleClass().add("lesson-claim");
        claimResult.setId("claimResult");
        checkClaim.setId("checkClaim");
        back.setId("lessonBack");
        next.setId("lessonNext");
        close.setId("lessonClose");
        equation.setId("lessonEquation");
        for (Label l : new Label[] {lessonTitle, stepTitle, text, instruction, claim, claimResult}) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        claimBox = new VBox(6, claim, checkClaim, claimResult);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox nav = new HBox(8, back, next, spacer, close);
        nav.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(12, lessonTitle, stepTitle, text, equation, instruction, claimBox, redo, nav);
        box.setPadding(new Insets(12));
        setContent(box);
        setFitToWidth(true);
        setPrefWidth(440);
        setMinWidth(320);
        widthProperty().addListener(o -> fitEquation());
    }

    /** Shows step {@code i} of {@code l}. */
    void show(Lesson l, int i, boolean presenter, boolean highContrast) {
        LessonStep s = l.step(i);
        lessonTitle.setText(l.title());
        stepTitle.setText("Step " + (i + 1) + " of " + l.steps().size() + " — " + s.title());
        text.setText(s.text());
        instruction.setText(s.instruction() == null ? "" : "▶ " + s.instruction());
        instruction.setVisible(s.instruction() != null);
        instruction.setManaged(s.instruction() != null);
        boolean hasClaim = s.claim() != null;
        claimBox.setVisible(hasClaim);
        claimBox.setManaged(hasClaim);
        claim.setText(hasClaim ? "Claim: " + s.claim().statement() : "");
        showResult(null);
        back.setDisable(i == 0);
        next.setDisable(i == l.steps().size() - 1);
        equationFigure = s.equation() == null ? null : new EquationFigure(s.title(), s.equation())
                .withColor(Color.BLACK);
        equation.setVisible(equationFigure != null);
        equation.setManaged(equationFigure != null);
        equationScale = presenter ? 1.6 : 1.0;
        fitEquation();
        setVvalue(0);
    }

    private double equationScale = 1;

    /** The equation at its natural size times the mode's scale, shrunk to the pane's width when too wide. */
    private void fitEquation() {
        if (equationFigure == null) {
            equation.setImage(null);
            return;
        }
        double room = Math.max(100, getWidth() - 40);
        double s = Math.min(equationScale, room / equationFigure.naturalWidth());
        equation.setImage(SwingFXUtils.toFXImage(equationFigure.toImage(s), null));
    }

    EquationFigure equationFigure() {
        return equationFigure;
    }

    /** Null clears the result; otherwise ✔ or ✘ with the measured value. */
    void showResult(ClaimResult r) {
        claimResult.getStyleClass().removeAll("lesson-claim-passed", "lesson-claim-failed");
        if (r == null) {
            claimResult.setText("");
            return;
        }
        claimResult.setText(r.summary());
        claimResult.getStyleClass().add(r.passed() ? "lesson-claim-passed" : "lesson-claim-failed");
    }

    void showMessage(String m) {
        showResult(null);
        claimResult.setText(m);
    }
}
