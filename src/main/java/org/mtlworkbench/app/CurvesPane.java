package org.mtlworkbench.app;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.mtlworkbench.export.render.CurveFigure;

/**
 * The live curves: loss terms (each labelled as a loss) and train/test metrics, mean and per task, with smoothing,
 * a log-scale toggle, the τ slider and τ markers. The charts are JFreeChart figures drawn off the FX thread by
 * {@link FigureView}s (wheel zoom, drag to pan), redrawn whenever a chart reports a change.
 */
final class CurvesPane extends BorderPane {

    final CurveFigure loss = new CurveFigure("Loss terms (lower is better)", "loss");
    final CurveFigure metrics = new CurveFigure("Metrics", "metric");
    final FigureView lossViewer = new FigureView(loss);
    final FigureView metricViewer = new FigureView(metrics);
    final Slider smoothing = new Slider(0, 0.99, 0.6);
    final CheckBox logScale = new CheckBox("log scale");
    final ComboBox<String> metric = new ComboBox<>();
    final CheckBox perTask = new CheckBox("per task");
    final TauControl tau = new TauControl();

    CurvesPane() {
        // a chart notifies after each batch of points (TrainingViewModel) and after every setting change
        loss.chart().addChangeListener(e -> lossViewer.redraw());
        metrics.chart().addChangeListener(e -> metricViewer.redraw());
        lossViewer.setId("lossChart");
        metricViewer.setId("metricChart");
        smoothing.setId("smoothing");
        smoothing.setPrefWidth(140);
        smoothing.setTooltip(new Tooltip("smoothing weight of the bias-corrected moving average; raw curve faint behind"));
        logScale.setId("logScale");
        metric.setId("metricChoice");
        metric.setPromptText("metric");
        perTask.setId("perTask");
        perTask.setSelected(true);
        Label smoothLabel = new Label();
        smoothLabel.textProperty().bind(smoothing.valueProperty().asString(Locale.ROOT, "smoothing %.2f"));
        smoothing.valueProperty().addListener((o, a, b) -> {
            loss.setSmoothing(b.doubleValue());
            metrics.setSmoothing(b.doubleValue());
        });
        loss.setSmoothing(smoothing.getValue());
        metrics.setSmoothing(smoothing.getValue());
        logScale.selectedProperty().addListener((o, a, b) -> loss.setLogScale(b));
        HBox bar = new HBox(8, smoothLabel, smoothing, logScale, new Separator(Orientation.VERTICAL),
                new Label("metric"), metric, perTask, new Separator(Orientation.VERTICAL), tau);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox charts = new VBox(4, lossViewer, metricViewer);
        VBox.setVgrow(lossViewer, Priority.ALWAYS);
        VBox.setVgrow(metricViewer, Priority.ALWAYS);
        charts.setPadding(new Insets(4));
        setTop(bar);
        setCenter(charts);
    }

    void clear() {
        loss.clear();
        metrics.clear();
    }
}
