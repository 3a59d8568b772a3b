package org.mtlworkbench.app;

import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Presenter mode, for a projector: full screen, large fonts and thick lines (a style sheet for the controls, a scale
 * for the figures and the charts), and optionally a high-contrast theme (black on white, heavy borders).
 */
final class PresenterMode {

    /** How much larger figures, chart fonts and lines are drawn (1.6 crowded the labels of 2×2 views at 1280×720). */
    static final double SCALE = 1.35;
    static final String STYLESHEET = PresenterMode.class.getResource("presenter.css").toExternalForm();

    private final Workbench wb;
    private final List<PresenterCharts> charts;
    private boolean on;
    private boolean highContrast;

    PresenterMode(Workbench wb) {
        this.wb = wb;
        // the live curves are FigureViews and grow with the draw scale; only the runs overlay is a JFreeChart viewer
        charts = List.of(new PresenterCharts(wb.runs.overlay.chart()));
    }

    boolean isOn() {
        return on;
    }

    boolean isHighContrast() {
        return highContrast;
    }

    /** Turns presenter mode on or off; full screen only when {@code fullScreen} (tests keep their window). */
    void set(boolean enable, boolean fullScreen) {
        on = enable;
        Scene scene = wb.root().getScene();
        if (scene != null && !scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        toggleClass("presenter", enable);
        FigureView.setDrawScale(enable ? SCALE : 1);
        charts.forEach(c -> c.setScale(enable ? SCALE : 1));
        wb.relatedness.figureViews().forEach(FigureView::redraw);
        wb.curves.lossViewer.redraw();
        wb.curves.metricViewer.redraw();
        if (scene != null && scene.getWindow() instanceof Stage stage && fullScreen) {
            stage.setFullScreenExitHint("F5 leaves presenter mode");
            stage.setFullScreen(enable);
        }
    }

    void setHighContrast(boolean enable) {
        highContrast = enable;
        Scene scene = wb.root().getScene();
        if (scene != null && !scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        toggleClass("high-contrast", enable);
    }

    private void toggleClass(String c, boolean enable) {
        if (enable && !wb.root().getStyleClass().contains(c)) {
            wb.root().getStyleClass().add(c);
        } else if (!enable) {
            wb.root().getStyleClass().remove(c);
        }
    }
}
