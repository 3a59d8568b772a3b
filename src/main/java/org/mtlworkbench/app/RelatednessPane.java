package org.mtlworkbench.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.mtlworkbench.export.render.HeatmapRenderer;
import org.mtlworkbench.relatedness.RelatednessView;

/**
 * The relatedness views of the current run, live: one figure per view the model reports (heatmap, tree, allocation,
 * sparsity bars) and, when the data set has a ground truth of the same kind, the truth beside it.
 */
final class RelatednessPane extends BorderPane {

    final CheckBox clusterOrder = new CheckBox("order tasks by hierarchical clustering");
    /** Opens the model's explanation of these views (wired by the workbench). */
    final Button explain = new Button("?");
    private final GridPane grid = new GridPane();
    private final Label empty = new Label("Train a model to see how it relates the tasks.");
    private final Map<String, FigureView> learned = new LinkedHashMap<>();
    private final Map<String, FigureView> truths = new LinkedHashMap<>();
    private final Map<String, Object> truthOrders = new java.util.HashMap<>();
    private List<RelatednessView> lastViews = List.of();
    private GroundTruth truth = GroundTruth.NONE;
    private Consumer<FigureView> onExportFigure = v -> { };
    private Consumer<FigureView> onExportData = v -> { };
    private LongConsumer onShown = seq -> { };

    RelatednessPane() {
        setId("relatedness");
        clusterOrder.setId("clusterOrder");
        clusterOrder.selectedProperty().addListener((o, a, b) -> show(lastViews, truth, true));
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setPadding(new Insets(8));
        explain.setId("explain");
        explain.setTooltip(new javafx.scene.control.Tooltip("What these views show and how to read them"));
        HBox bar = new HBox(8, clusterOrder, explain);
        bar.setPadding(new Insets(4, 8, 4, 8));
        setTop(bar);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        setCenter(empty);
        scroll.setId("relatednessScroll");
        getProperties().put("scroll", scroll);
    }

    void setExportActions(Consumer<FigureView> figure, Consumer<FigureView> data) {
        onExportFigure = figure;
        onExportData = data;
    }

    /** Told when any view's pixels reach the screen (see {@link FigureView#setOnShown}). */
    void setOnShown(LongConsumer l) {
        onShown = l;
        figureViews().forEach(v -> v.setOnShown(l));
    }

    /** Shows a snapshot's views; figures of the same titles are updated in place (zoom and hover stay). */
    void show(List<RelatednessView> views, GroundTruth gt, boolean force) {
        if (!force && views.equals(lastViews) && gt == truth) {
            return;
        }
        boolean layoutChanged = !titles(views).equals(titles(lastViews)) || gt != truth || force;
        lastViews = views;
        truth = gt;
        if (views.isEmpty()) {
            setCenter(empty);
            learned.clear();
            truths.clear();
            truthOrders.clear();
            grid.getChildren().clear();
            return;
        }
        if (layoutChanged) {
            grid.getChildren().clear();
            learned.clear();
            truths.clear();
            truthOrders.clear();
        }
        int row = 0;
        for (RelatednessView v : views) {
            var fig = Figures.of(v, clusterOrder.isSelected(), gt);
            FigureView fv = learned.get(v.title());
            if (fv == null) {
                fv = view(fig, "view-" + row);
                learned.put(v.title(), fv);
            } else {
                fv.setFigure(fig);
            }
            if (layoutChanged) {
                grid.add(fv, 0, row);
            }
            int col = 1;
            for (RelatednessView t : gt.matching(v)) {
                String key = v.title() + "|" + t.title();
                // the truth only changes with the learned heatmap's task order: redraw it only then
                Object dependsOn = fig instanceof HeatmapRenderer h ? h.taskOrder() : null;
                FigureView tv = truths.get(key);
                if (tv == null) {
                    tv = view(Figures.truthBeside(t, fig), "truth-" + row + "-" + col);
                    truths.put(key, tv);
                    truthOrders.put(key, dependsOn);
                } else if (!java.util.Objects.equals(dependsOn, truthOrders.get(key))) {
                    tv.setFigure(Figures.truthBeside(t, fig));
                    truthOrders.put(key, dependsOn);
                }
                if (layoutChanged) {
                    grid.add(tv, col, row);
                }
                col++;
            }
            row++;
        }
        if (layoutChanged) {
            for (var n : grid.getChildren()) {
                GridPane.setHgrow(n, Priority.ALWAYS);
            }
        }
        setCenter((ScrollPane) getProperties().get("scroll"));
    }

    private FigureView view(org.mtlworkbench.export.render.Figure fig, String id) {
        FigureView fv = new FigureView(fig);
        fv.setId(id);
        fv.setOnShown(onShown);
        fv.setPrefSize(460, 310);
        MenuItem exportFigure = new MenuItem("Export figure (PNG, SVG, PDF)…");
        exportFigure.setOnAction(e -> onExportFigure.accept(fv));
        MenuItem exportData = new MenuItem("Export data (CSV / Newick)…");
        exportData.setOnAction(e -> onExportData.accept(fv));
        MenuItem reset = new MenuItem("Reset zoom");
        reset.setOnAction(e -> fv.resetZoom());
        ContextMenu menu = new ContextMenu(exportFigure, exportData, reset);
        fv.setOnContextMenuRequested(e -> menu.show(fv, e.getScreenX(), e.getScreenY()));
        return fv;
    }

    private static List<String> titles(List<RelatednessView> views) {
        List<String> out = new ArrayList<>();
        views.forEach(v -> out.add(v.getClass().getSimpleName() + ":" + v.title()));
        return out;
    }

    /** The learned figures then the truth figures, in display order. */
    List<FigureView> figureViews() {
        List<FigureView> out = new ArrayList<>(learned.values());
        out.addAll(truths.values());
        return out;
    }

    List<FigureView> learnedViews() {
        return List.copyOf(learned.values());
    }

    List<FigureView> truthViews() {
        return List.copyOf(truths.values());
    }

    void clear() {
        show(List.of(), GroundTruth.NONE, true);
    }
}
