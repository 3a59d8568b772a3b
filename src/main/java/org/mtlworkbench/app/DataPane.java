package org.mtlworkbench.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.mtlworkbench.data.DataImportException;
import org.mtlworkbench.data.ImportedData;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.SplitSpec;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.experiment.DataPreparation;
import org.mtlworkbench.experiment.DataRequest;
import org.mtlworkbench.experiment.PreparedData;

/**
 * The data page: the sample gallery (with each set's description and what its ground truth is), loading of a CSV or
 * folder off the FX thread, the split control, a preview table and a per-task summary. Import errors open a dialog
 * naming file, line and column.
 */
final class DataPane {

    /** What is loaded. */
    record Loaded(DataSource source, ImportedData data, GroundTruth truth) {
    }

    final ListView<SampleDataSet> samples = new ListView<>();
    final Label description = new Label();
    final Label summary = new Label("No data loaded.");
    final RadioButton splitColumn = new RadioButton("the data's split column");
    final RadioButton splitFraction = new RadioButton("fraction per task");
    final RadioButton splitCount = new RadioButton("rows per task");
    final Spinner<Double> fraction = new Spinner<>(0.05, 0.95, DataPreparation.DEFAULT_TRAIN_FRACTION, 0.05);
    final Spinner<Integer> count = new Spinner<>(1, 100_000, 20, 5);
    final Spinner<Integer> splitSeed = new Spinner<>(0, Integer.MAX_VALUE, 1);
    final TableView<List<String>> preview = new TableView<>();
    final TableView<List<String>> perTask = new TableView<>();
    private final ObjectProperty<Loaded> loaded = new SimpleObjectProperty<>();
    private final ObjectProperty<String> loading = new SimpleObjectProperty<>();
    private Window owner;
    private Consumer<Path> onOpened = p -> { };

    DataPane(List<SampleDataSet> gallery) {
        samples.setId("samples");
        samples.getItems().setAll(gallery);
        samples.setPrefHeight(170);
        description.setId("description");
        description.setWrapText(true);
        description.setText(gallery.isEmpty()
                ? "No sample data found. Run ./mtlwb generate in the repository to create it." : "");
        summary.setId("dataSummary");
        summary.setWrapText(true);
        ToggleGroup g = new ToggleGroup();
        for (RadioButton r : List.of(splitColumn, splitFraction, splitCount)) {
            r.setToggleGroup(g);
        }
        splitFraction.setSelected(true);
        splitColumn.setDisable(true);
        fraction.setId("splitFraction");
        fraction.setEditable(true);
        fraction.setPrefWidth(90);
        count.setId("splitCount");
        count.setEditable(true);
        count.setPrefWidth(90);
        splitSeed.setId("splitSeed");
        splitSeed.setEditable(true);
        splitSeed.setPrefWidth(90);
        fraction.disableProperty().bind(splitFraction.selectedProperty().not());
        count.disableProperty().bind(splitCount.selectedProperty().not());
        preview.setId("preview");
        perTask.setId("perTaskSummary");
        preview.setPlaceholder(new Label("Open a CSV, a folder of per-task CSVs, or pick a sample data set."));
        perTask.setPlaceholder(new Label(""));
        samples.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null) {
                open(DataSource.ofSample(s));
            }
        });
    }

    void setOwner(Window w) {
        owner = w;
    }

    void setOnOpened(Consumer<Path> c) {
        onOpened = c;
    }

    ObjectProperty<Loaded> loadedProperty() {
        return loaded;
    }

    /** Non-null while a load runs (its name). */
    ObjectProperty<String> loadingProperty() {
        return loading;
    }

    /** The left-hand controls: gallery, description, split. */
    VBox sidebar() {
        GridPane split = new GridPane();
        split.setHgap(6);
        split.setVgap(4);
        split.addRow(0, splitFraction, fraction);
        split.addRow(1, splitCount, count);
        split.add(splitColumn, 0, 2, 2, 1);
        split.addRow(3, new Label("split seed"), splitSeed);
        VBox box = new VBox(6, new Label("Sample data sets"), samples, description, summary,
                new Label("Train / test split"), split);
        box.setPadding(new Insets(4));
        return box;
    }

    /** The centre of the data tab: preview over per-task summary. */
    SplitPane tables() {
        SplitPane sp = new SplitPane(preview, perTask);
        sp.setOrientation(javafx.geometry.Orientation.VERTICAL);
        sp.setDividerPositions(0.6);
        return sp;
    }

    /** Opens a user's file or folder. */
    void open(Path p) {
        open(DataSource.ofPath(p));
    }

    /** Loads on a background thread; the result (or the error dialog) arrives on the FX thread. */
    void open(DataSource src) {
        loading.set(src.name());
        description.setText(src.description().isEmpty() ? src.data().toString() : src.description());
        Thread t = new Thread(() -> {
            try {
                ImportedData data = DataPreparation.load(new DataRequest(src.data(), src.tasksFile(), null, null));
                GroundTruth truth = GroundTruth.read(src.groundTruth());
                Platform.runLater(() -> show(new Loaded(src, data, truth)));
            } catch (DataImportException e) {
                Platform.runLater(() -> {
                    loading.set(null);
                    ImportErrorDialog.show(owner, e);
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    loading.set(null);
                    javafx.scene.control.Alert a = new javafx.scene.control.Alert(
                            javafx.scene.control.Alert.AlertType.ERROR, src.data() + ": " + e.getMessage());
                    a.setHeaderText("Could not open the data");
                    a.show();
                });
            }
        }, "data-loader");
        t.setDaemon(true);
        t.start();
    }

    private void show(Loaded l) {
        loading.set(null);
        MultiTaskDataset ds = l.data().dataset();
        boolean hasColumn = l.data().splitColumn().isPresent();
        splitColumn.setDisable(!hasColumn);
        if (hasColumn) {
            splitColumn.setSelected(true);
        } else if (splitColumn.isSelected()) {
            splitFraction.setSelected(true);
        }
        summary.setText(String.format(Locale.ROOT, "%s: %d tasks, %d rows, %d features, %s%s%s", ds.name(),
                ds.taskCount(), ds.totalRows(), ds.featureCount(), l.data().targetTypeDescription(),
                ds.hasTaskFeatures() ? ", task features " + ds.taskFeatureNames() : "",
                l.truth().views().isEmpty() && l.truth().activeGroups().isEmpty() ? ""
                        : "; ground truth: " + truthText(l.truth())));
        fillPreview(ds);
        fillPerTask(ds);
        loaded.set(l);
        if (l.source().description().isEmpty()) { // a user's file, not a sample: remember it
            onOpened.accept(l.source().data());
        }
    }

    private static String truthText(GroundTruth t) {
        List<String> parts = new ArrayList<>();
        t.views().forEach(v -> parts.add(v.title().replace(" (ground truth)", "")));
        if (!t.activeGroups().isEmpty()) {
            parts.add("active feature groups " + t.activeGroups());
        }
        return String.join(", ", parts);
    }

    private void fillPreview(MultiTaskDataset ds) {
        preview.getColumns().clear();
        List<String> header = new ArrayList<>();
        header.add("task");
        header.addAll(ds.featureNames());
        header.add("target");
        for (int c = 0; c < header.size(); c++) {
            preview.getColumns().add(column(header.get(c), c));
        }
        List<List<String>> rows = new ArrayList<>();
        int perTaskRows = Math.max(3, 200 / Math.max(1, ds.taskCount()));
        for (Task t : ds.tasks()) {
            for (int i = 0; i < Math.min(t.size(), perTaskRows); i++) {
                List<String> r = new ArrayList<>();
                r.add(t.name());
                for (int j = 0; j < t.featureCount(); j++) {
                    r.add(String.format(Locale.ROOT, "%.4g", t.x(i, j)));
                }
                r.add(ds.isClassification() ? ds.classLabels().get((int) t.y(i))
                        : String.format(Locale.ROOT, "%.4g", t.y(i)));
                rows.add(r);
            }
        }
        preview.setItems(FXCollections.observableArrayList(rows));
    }

    private void fillPerTask(MultiTaskDataset ds) {
        perTask.getColumns().clear();
        List<String> header = List.of("task", "rows", "features", ds.isClassification() ? "class balance" : "target range");
        for (int c = 0; c < header.size(); c++) {
            perTask.getColumns().add(column(header.get(c), c));
        }
        List<List<String>> rows = new ArrayList<>();
        for (Task t : ds.tasks()) {
            String last;
            if (ds.isClassification()) {
                int[] counts = new int[ds.classCount()];
                for (double y : t.y()) {
                    counts[(int) y]++;
                }
                List<String> parts = new ArrayList<>();
                for (int k = 0; k < counts.length; k++) {
                    parts.add(ds.classLabels().get(k) + ": " + counts[k]);
                }
                last = String.join(", ", parts);
            } else {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double y : t.y()) {
                    lo = Math.min(lo, y);
                    hi = Math.max(hi, y);
                }
                last = String.format(Locale.ROOT, "%.4g … %.4g", lo, hi);
            }
            rows.add(List.of(t.name(), Integer.toString(t.size()), Integer.toString(t.featureCount()), last));
        }
        perTask.setItems(FXCollections.observableArrayList(rows));
    }

    private static TableColumn<List<String>, String> column(String name, int index) {
        TableColumn<List<String>, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(index < cd.getValue().size() ? cd.getValue().get(index)
                : ""));
        c.setSortable(false);
        return c;
    }

    /** The split rule the controls describe. */
    SplitSpec splitSpec() {
        long seed = splitSeed.getValue();
        if (splitColumn.isSelected() && !splitColumn.isDisabled()) {
            return SplitSpec.column("split");
        }
        if (splitCount.isSelected()) {
            return SplitSpec.count(count.getValue(), seed);
        }
        return SplitSpec.fraction(fraction.getValue(), seed);
    }

    /** Sets the controls from a split rule (experiment loading). */
    void setSplit(SplitSpec s) {
        switch (s.kind()) {
            case COUNT -> {
                splitCount.setSelected(true);
                count.getValueFactory().setValue(s.count());
            }
            case COLUMN -> splitColumn.setSelected(true);
            default -> {
                splitFraction.setSelected(true);
                if (s.kind() == SplitSpec.Kind.FRACTION) {
                    fraction.getValueFactory().setValue(s.fraction());
                }
            }
        }
        splitSeed.getValueFactory().setValue((int) Math.min(Integer.MAX_VALUE, Math.max(0, s.seed())));
    }

    /** Splits the loaded data by the controls (fast: the file was read at open). */
    PreparedData prepare() throws DataImportException {
        Loaded l = loaded.get();
        if (l == null) {
            throw new IllegalStateException("no data loaded");
        }
        SplitSpec spec = splitSpec();
        return DataPreparation.split(l.data(), new DataRequest(l.source().data(), l.source().tasksFile(), null, spec,
                spec.seed()));
    }

    static boolean isOpenable(Path p) {
        return Files.isDirectory(p) || p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }
}
