package org.mtlworkbench.app;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.jfree.chart.fx.ChartViewer;
import org.mtlworkbench.export.render.CurveFigure;
import org.mtlworkbench.train.TraceRow;

/**
 * Every run of the session in a table (model, parameters, seed, data, state, test metrics, wall time); the selected
 * runs' curves overlaid in one chart; and a button that trains the independent baseline on the same split, for the
 * "multi-task vs single-task" comparison.
 */
final class RunsPane extends BorderPane {

    static final String TOTAL_LOSS = "total loss";

    final ObservableList<RunRecord> runs = FXCollections.observableArrayList();
    final TableView<RunRecord> table = new TableView<>(runs);
    final CurveFigure overlay = new CurveFigure("Selected runs", "value");
    final ChartViewer overlayViewer = new ChartViewer(overlay.chart());
    final ComboBox<String> quantity = new ComboBox<>();
    final Button baseline = new Button("Run independent baseline on the same split");

    RunsPane() {
        setId("runs");
        table.setId("runsTable");
        baseline.setId("baseline");
        overlayViewer.setId("overlayChart");
        quantity.setId("overlayQuantity");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("Runs appear here; select several to overlay their curves."));
        table.getColumns().add(col("#", r -> Integer.toString(r.number()), 40));
        table.getColumns().add(col("model", r -> r.factory().id(), 110));
        table.getColumns().add(col("parameters", RunRecord::paramSummary, 200));
        table.getColumns().add(col("seed", r -> Long.toString(r.seed()), 50));
        table.getColumns().add(col("data", r -> r.data().full().name() + " · " + r.split().describe(), 200));
        TableColumn<RunRecord, String> state = new TableColumn<>("state");
        state.setCellValueFactory(cd -> cd.getValue().stateProperty().asString());
        state.setPrefWidth(90);
        TableColumn<RunRecord, String> metrics = new TableColumn<>("test metrics");
        metrics.setCellValueFactory(cd -> cd.getValue().metricsProperty());
        metrics.setPrefWidth(300);
        TableColumn<RunRecord, String> wall = new TableColumn<>("wall time");
        wall.setCellValueFactory(cd -> cd.getValue().wallProperty());
        wall.setPrefWidth(80);
        table.getColumns().addAll(List.of(state, metrics, wall));
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRecord>) c -> refreshOverlay());
        quantity.valueProperty().addListener((o, a, b) -> refreshOverlay());
        HBox bar = new HBox(8, new Label("overlay"), quantity, baseline);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        SplitPane sp = new SplitPane(table, overlayViewer);
        sp.setOrientation(Orientation.VERTICAL);
        sp.setDividerPositions(0.4);
        setTop(bar);
        setCenter(sp);
    }

    private static TableColumn<RunRecord, String> col(String name, java.util.function.Function<RunRecord, String> f,
                                                       double width) {
        TableColumn<RunRecord, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Redraws the overlay from the selected runs' traces (call when a run finishes too). */
    void refreshOverlay() {
        List<RunRecord> sel = List.copyOf(table.getSelectionModel().getSelectedItems());
        Set<String> names = new LinkedHashSet<>();
        names.add(TOTAL_LOSS);
        for (RunRecord r : sel) {
            for (TraceRow row : r.trace()) {
                row.testMetrics().keySet().stream()
                        .filter(k -> !k.equals("rows") && !k.equals("tasks") && !k.endsWith("_tasks"))
                        .forEach(k -> names.add("test " + k));
            }
        }
        if (!quantity.getItems().equals(List.copyOf(names))) {
            String keep = quantity.getValue();
            quantity.getItems().setAll(names);
            quantity.setValue(keep != null && names.contains(keep) && !keep.equals(TOTAL_LOSS) ? keep
                    : names.contains("test rmse") ? "test rmse" : names.contains("test accuracy") ? "test accuracy"
                    : TOTAL_LOSS);
            return; // the value listener redraws
        }
        String q = quantity.getValue();
        overlay.clear();
        if (q == null) {
            return;
        }
        overlay.beginBatch();
        for (RunRecord r : sel) {
            for (TraceRow row : r.trace()) {
                Double v;
                if (q.equals(TOTAL_LOSS)) {
                    v = row.losses().isEmpty() ? null : row.losses().values().iterator().next();
                } else {
                    v = row.testMetrics().get(q.substring("test ".length()));
                }
                if (v != null) {
                    overlay.add(r.label() + " " + q, row.step(), v);
                }
            }
        }
        overlay.endBatch();
    }
}
