package org.mtlworkbench.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.mtlworkbench.experiment.Experiment;
import org.mtlworkbench.experiment.ExperimentFile;
import org.mtlworkbench.experiment.PreparedData;
import org.mtlworkbench.export.render.Figure;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ParamValues;
import org.mtlworkbench.train.RunConfig;
import org.mtlworkbench.train.RunState;
import org.mtlworkbench.train.TrainingRun;

/**
 * The workbench window's content and its actions: data and model on the left, the run bar on top, tabs for the data
 * preview, live curves, relatedness views and the runs table in the centre, status and progress at the bottom.
 * Everything slow (reading data, splitting, training, exporting a run) happens off the FX thread.
 */
final class Workbench {

    static final String APP_TITLE = "MTL Workbench";
    /** Experiment files end in this; the installers associate it with the program (plain .json loads too). */
    static final String EXPERIMENT_SUFFIX = ".mtlwb.json";

    final DataPane data;
    final ModelPane model;
    final CurvesPane curves = new CurvesPane();
    final RelatednessPane relatedness = new RelatednessPane();
    final RunsPane runs = new RunsPane();
    final TrainingViewModel vm = new TrainingViewModel(curves, relatedness);
    final Button start = new Button("Start");
    final Button pause = new Button("Pause");
    final Button step = new Button("Step");
    final Button stop = new Button("Stop");
    final Button reset = new Button("Reset");
    final Label status = new Label();
    final ProgressBar progress = new ProgressBar(0);
    final Label progressText = new Label();
    final TabPane tabs = new TabPane();
    final Tab dataTab;
    final Tab curvesTab;
    final Tab viewsTab;
    final Tab runsTab;
    final CheckMenuItem darkTheme = new CheckMenuItem("Dark theme");
    final Menu recentMenu = new Menu("Open recent");
    /** Lessons, presenter mode, set-up files, explanations (docs/teaching.md). */
    final Teaching teaching;
    private final BorderPane root = new BorderPane();
    private final WorkbenchPrefs prefs;
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final StringProperty experimentName = new SimpleStringProperty(null);
    private final StringProperty title = new SimpleStringProperty(APP_TITLE);
    private final AtomicInteger runCounter = new AtomicInteger();
    private Path experimentFile;

    Workbench(List<SampleDataSet> samples, List<ModelFactory> factories, WorkbenchPrefs prefs) {
        this.prefs = prefs;
        data = new DataPane(samples);
        model = new ModelPane(factories, java.util.prefs.Preferences.userRoot()
                .node(System.getProperty("mtlwb.prefs.node", "/org/mtlworkbench/app") + "/presets"));
        dataTab = new Tab("Data", data.tables());
        curvesTab = new Tab("Curves", curves);
        viewsTab = new Tab("Relatedness", relatedness);
        runsTab = new Tab("Runs", runs);
        tabs.getTabs().addAll(dataTab, curvesTab, viewsTab, runsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        buildLayout();
        wire();
        refreshRecent();
        updateTitle();
        root.setUserData(this);
        teaching = new Teaching(this);
    }

    BorderPane root() {
        return root;
    }

    StringProperty titleProperty() {
        return title;
    }

    BooleanProperty dirtyProperty() {
        return dirty;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    // ------------------------------------------------------------------------------------------ layout

    private void buildLayout() {
        start.setId("start");
        pause.setId("pause");
        step.setId("step");
        stop.setId("stop");
        reset.setId("reset");
        start.setTooltip(new Tooltip("Start training (Space)"));
        pause.setTooltip(new Tooltip("Pause or resume (Space)"));
        step.setTooltip(new Tooltip("One step while paused (S)"));
        status.setId("status");
        progress.setId("progress");
        progress.setPrefWidth(220);
        progressText.setId("progressText");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar runBar = new ToolBar(start, pause, step, stop, reset);
        VBox top = new VBox(menuBar(), runBar);
        root.setTop(top);

        TitledPane dataPane = new TitledPane("Data", data.sidebar());
        TitledPane modelPane = new TitledPane("Model", model.node());
        dataPane.setCollapsible(false);
        modelPane.setCollapsible(false);
        VBox left = new VBox(6, dataPane, modelPane);
        left.setPadding(new Insets(6));
        left.setPrefWidth(340);
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setPrefWidth(360);
        root.setLeft(leftScroll);
        root.setCenter(tabs);

        HBox bottom = new HBox(10, status, spacer, progressText, progress);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(4, 10, 6, 10));
        root.setBottom(bottom);

        Label drop = new Label("Drop a CSV file or a folder of per-task CSVs anywhere on the window.");
        drop.setStyle("-fx-font-size: 11px; -fx-opacity: 0.7;");
        ((VBox) dataPane.getContent()).getChildren().add(drop);
    }

    private MenuBar menuBar() {
        MenuItem openCsv = item("Open CSV…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                this::openFileDialog);
        MenuItem openFolder = item("Open folder of per-task CSVs…", null, this::openFolderDialog);
        MenuItem save = item("Save experiment…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                this::saveExperimentDialog);
        MenuItem load = item("Load experiment…", null, this::loadExperimentDialog);
        MenuItem exportView = item("Export current view…",
                new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::exportCurrentFigure);
        MenuItem exportData = item("Export current view's data…", null, this::exportCurrentData);
        MenuItem exportRun = item("Export run (all figures and data)…", null, this::exportRunDialog);
        MenuItem quit = item("Quit", null, () -> {
            if (window() != null) {
                window().fireEvent(new javafx.stage.WindowEvent(window(),
                        javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            }
        });
        Menu file = new Menu("File", null, openCsv, openFolder, recentMenu, new SeparatorMenuItem(), load, save,
                new SeparatorMenuItem(), exportView, exportData, exportRun, new SeparatorMenuItem(), quit);
        darkTheme.setSelected(prefs.darkTheme());
        darkTheme.setOnAction(e -> {
            prefs.setDarkTheme(darkTheme.isSelected());
            applyTheme(darkTheme.isSelected());
        });
        Menu view = new Menu("View", null, darkTheme);
        MenuBar bar = new MenuBar(file, view);
        bar.setId("menuBar");
        return bar;
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (key != null) {
            m.setAccelerator(key);
        }
        m.setOnAction(e -> action.run());
        return m;
    }

    static void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    // ------------------------------------------------------------------------------------------ wiring

    private void wire() {
        status.textProperty().bind(vm.statusProperty());
        progress.progressProperty().bind(vm.progressProperty());
        progressText.textProperty().bind(vm.progressTextProperty());
        var state = vm.stateProperty();
        var active = Bindings.createBooleanBinding(() -> state.get() == RunState.RUNNING
                || state.get() == RunState.PAUSED, state);
        start.disableProperty().bind(data.loadedProperty().isNull().or(model.models.valueProperty().isNull())
                .or(active));
        pause.disableProperty().bind(active.not());
        step.disableProperty().bind(state.isNotEqualTo(RunState.PAUSED));
        stop.disableProperty().bind(active.not());
        start.setOnAction(e -> start());
        pause.setOnAction(e -> vm.pauseOrResume());
        state.addListener((o, a, s) -> pause.setText(s == RunState.PAUSED ? "Resume" : "Pause"));
        step.setOnAction(e -> vm.step());
        stop.setOnAction(e -> vm.stop());
        reset.setOnAction(e -> vm.reset());
        runs.baseline.setOnAction(e -> startBaseline());
        vm.setViewsShown(() -> tabs.getSelectionModel().getSelectedItem() == viewsTab);
        vm.setCurvesShown(() -> tabs.getSelectionModel().getSelectedItem() == curvesTab);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t == viewsTab) {
                vm.refreshViews();
            } else if (t == curvesTab) {
                vm.refreshCurves();
            }
        });
        runs.baseline.disableProperty().bind(data.loadedProperty().isNull().or(active));
        vm.setOnFinished(() -> {
            dirty.set(true);
            runs.refreshOverlay();
        });
        data.setOnOpened(p -> {
            prefs.addRecent(p);
            refreshRecent();
        });
        data.loadedProperty().addListener((o, a, l) -> {
            if (l != null && experimentName.get() == null) {
                updateTitle();
            }
        });
        dirty.addListener(o -> updateTitle());
        experimentName.addListener(o -> updateTitle());
        model.models.valueProperty().addListener((o, a, f) -> curves.tau.configure(f,
                TauControl.tauSpec(f).map(p -> ((Number) p.defaultValue()).doubleValue()).orElse(1.0)));
        curves.tau.configure(model.factory(), TauControl.tauSpec(model.factory())
                .map(p -> ((Number) p.defaultValue()).doubleValue()).orElse(1.0));
        relatedness.setExportActions(fv -> Exports.exportFigure(window(), fv.figure(), fv.getWidth(), fv.getHeight()),
                fv -> Exports.exportData(window(), fv.figure()));
        root.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        root.setOnDragDropped(e -> {
            boolean ok = false;
            if (e.getDragboard().hasFiles()) {
                Optional<File> f = e.getDragboard().getFiles().stream()
                        .filter(x -> DataPane.isOpenable(x.toPath())).findFirst();
                if (f.isPresent()) {
                    openPath(f.get().toPath());
                    ok = true;
                }
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    /** Space start/pause, S step; Ctrl+O/S/E come from the menu accelerators. Text fields keep their keys. */
    void installKeys(Scene scene) {
        teaching.installKeys(scene);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown()
                    || scene.getFocusOwner() instanceof TextInputControl) {
                return;
            }
            if (e.getCode() == KeyCode.SPACE) {
                RunState s = vm.stateProperty().get();
                if (s == RunState.RUNNING || s == RunState.PAUSED) {
                    vm.pauseOrResume();
                } else if (!start.isDisabled()) {
                    start();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.S) {
                vm.step();
                e.consume();
            }
        });
    }

    private void updateTitle() {
        String name = experimentName.get();
        if (name == null && data.loadedProperty().get() != null) {
            name = data.loadedProperty().get().data().dataset().name();
        }
        title.set(APP_TITLE + (name == null ? "" : " — " + name) + (dirty.get() ? " •" : ""));
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : prefs.recentFiles()) {
            MenuItem m = new MenuItem(p.toString());
            m.setOnAction(e -> openPath(p));
            recentMenu.getItems().add(m);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    // ------------------------------------------------------------------------------------------ actions

    void openPath(Path p) {
        tabs.getSelectionModel().select(dataTab);
        data.samples.getSelectionModel().clearSelection();
        data.open(p);
    }

    private void openFileDialog() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a tidy CSV");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = fc.showOpenDialog(window());
        if (f != null) {
            openPath(f.toPath());
        }
    }

    private void openFolderDialog() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open a folder of per-task CSV files");
        File f = dc.showDialog(window());
        if (f != null) {
            openPath(f.toPath());
        }
    }

    /** Trains the selected model with the sheet's parameters on the loaded data. */
    void start() {
        ModelFactory f = model.factory();
        if (f == null || data.loadedProperty().get() == null) {
            return;
        }
        launch(f, model.params(), model.seedValue());
    }

    /** Trains the independent baseline (defaults) on the same data, split and seed. */
    void startBaseline() {
        model.models.getItems().stream().filter(m -> m.id().equals("independent")).findFirst()
                .ifPresentOrElse(f -> launch(f, f.defaults(), model.seedValue()),
                        () -> vm.statusProperty().set("The independent baseline is not installed."));
    }

    private void launch(ModelFactory f, ParamValues params, long seed) {
        DataPane.Loaded loaded = data.loadedProperty().get();
        if (!f.supports(loaded.data().targetType())) {
            vm.statusProperty().set(f.displayName() + " does not support " + loaded.data().targetTypeDescription());
            return;
        }
        var split = data.splitSpec();
        vm.statusProperty().set("Splitting the data…");
        Thread t = new Thread(() -> {
            try {
                PreparedData prepared = data.prepare();
                int evalEvery = prepared.full().totalRows() <= 20_000 ? 1 : 10;
                TrainingRun run = new TrainingRun(new RunConfig(f, params, seed, evalEvery), prepared.split(),
                        prepared.info());
                Platform.runLater(() -> {
                    RunRecord r = new RunRecord(runCounter.incrementAndGet(), f, params, seed, prepared, split,
                            loaded.source().data().toString(), loaded.truth(), run);
                    r.setEquation(teaching.currentEquation());
                    runs.runs.add(r);
                    tabs.getSelectionModel().select(curvesTab);
                    vm.start(r);
                    dirty.set(true);
                });
            } catch (Exception e) {
                Platform.runLater(() -> vm.statusProperty().set("Could not start: " + e.getMessage()));
            }
        }, "run-setup");
        t.setDaemon(true);
        t.start();
    }

    /** The figure the current tab shows first: the loss curves, the first relatedness view, or the overlay. */
    Optional<FigureInView> currentFigure() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        if (t == viewsTab && !relatedness.figureViews().isEmpty()) {
            FigureView fv = relatedness.figureViews().get(0);
            return Optional.of(new FigureInView(fv.figure(), fv.getWidth(), fv.getHeight()));
        }
        if (t == runsTab) {
            return Optional.of(new FigureInView(runs.overlay, runs.overlayViewer.getWidth(),
                    runs.overlayViewer.getHeight()));
        }
        return Optional.of(new FigureInView(curves.loss, curves.lossViewer.getWidth(), curves.lossViewer.getHeight()));
    }

    /** A figure and its size on screen. */
    record FigureInView(Figure figure, double width, double height) {
    }

    private void exportCurrentFigure() {
        currentFigure().ifPresent(f -> Exports.exportFigure(window(), f.figure(), f.width(), f.height()));
    }

    private void exportCurrentData() {
        currentFigure().ifPresent(f -> Exports.exportData(window(), f.figure()));
    }

    private void exportRunDialog() {
        RunRecord r = runs.table.getSelectionModel().getSelectedItem();
        if (r == null) {
            r = vm.current();
        }
        if (r == null || r.run().result().isEmpty()) {
            Exports.error(window(), "Nothing to export", "Select a finished run in the Runs tab first.");
            return;
        }
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Folder for the run's figures and data");
        File dir = dc.showDialog(window());
        if (dir != null) {
            exportRun(r, dir.toPath());
        }
    }

    /** Writes the run's outputs off the FX thread; reports when done. */
    void exportRun(RunRecord r, Path dir) {
        Thread t = new Thread(() -> {
            try {
                List<Path> files = RunExport.write(r, dir);
                Platform.runLater(() -> Exports.info(window(), "Run " + r.label() + " exported", files));
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> Exports.error(window(), "Export failed", e.getMessage()));
            }
        }, "run-export");
        t.setDaemon(true);
        t.start();
    }

    // ------------------------------------------------------------------------------------------ experiments

    private void saveExperimentDialog() {
        if (data.loadedProperty().get() == null || model.factory() == null) {
            Exports.error(window(), "Nothing to save", "Load data and pick a model first.");
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Save experiment");
        fc.setInitialFileName(experimentFile != null ? experimentFile.getFileName().toString()
                : "experiment" + EXPERIMENT_SUFFIX);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment (JSON)", "*.json"));
        File f = fc.showSaveDialog(window());
        if (f != null) {
            Exports.run(window(), () -> saveExperiment(f.toPath()));
        }
    }

    /** The experiment's name: the file name without {@code .mtlwb.json} or {@code .json}. */
    static String experimentName(Path file) {
        return file.getFileName().toString().replaceFirst("(\\.mtlwb)?\\.json$", "");
    }

    /** Saves data, split, model, parameters, seed and the latest finished run's metrics; clears the dirty mark. */
    void saveExperiment(Path file) throws IOException {
        DataPane.Loaded l = data.loadedProperty().get();
        String name = experimentName(file);
        Experiment.Results results = null;
        RunRecord last = vm.current();
        if (last != null && last.run().result().isPresent()) {
            results = Experiment.Results.of(last.run().result().get());
        }
        Experiment e = new Experiment(name,
                new Experiment.DataRef(l.source().data().toString(), l.data().sha256(), l.data().targetType(),
                        l.source().tasksFile() == null ? null : l.source().tasksFile().toString()),
                data.splitSpec(), Experiment.ModelRef.of(model.factory(), model.params()), model.seedValue(),
                Instant.now(), results, null);
        ExperimentFile.save(e, file);
        experimentFile = file;
        experimentName.set(name);
        dirty.set(false);
    }

    private void loadExperimentDialog() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Load experiment");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment (JSON)", "*.json"));
        File f = fc.showOpenDialog(window());
        if (f != null) {
            loadExperiment(f.toPath());
        }
    }

    /** Sets data, split, model, parameters and seed from an experiment file (data loads in the background). */
    void loadExperiment(Path file) {
        try {
            Experiment e = ExperimentFile.load(file);
            Path dataPath = Path.of(e.data().path());
            if (!Files.exists(dataPath)) {
                Exports.error(window(), "Data not found", "The experiment's data " + dataPath + " does not exist.");
                return;
            }
            Optional<SampleDataSet> sample = data.samples.getItems().stream()
                    .filter(s -> s.csv().toAbsolutePath().normalize().equals(dataPath.toAbsolutePath().normalize()))
                    .findFirst();
            if (sample.isPresent()) {
                data.samples.getSelectionModel().select(sample.get());
            } else {
                openPath(dataPath);
            }
            data.setSplit(e.split());
            if (!model.select(e.model().id(), e.model().params())) {
                Exports.error(window(), "Unknown model", "The model '" + e.model().id() + "' is not installed.");
            }
            model.seed.getValueFactory().setValue((int) Math.max(0, Math.min(Integer.MAX_VALUE, e.seed())));
            experimentFile = file;
            experimentName.set(e.name());
            dirty.set(false);
        } catch (Exception ex) {
            Exports.error(window(), "Could not load the experiment", ex.getMessage());
        }
    }

    /** Asks before closing with unsaved runs; true when the window may close. */
    boolean confirmClose() {
        if (!dirty.get() || runs.runs.isEmpty()) {
            vm.stop();
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                "There are runs that are not saved in an experiment. Close anyway?", ButtonType.OK,
                ButtonType.CANCEL);
        a.setHeaderText("Unsaved runs");
        if (window() != null) {
            a.initOwner(window());
        }
        boolean ok = a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
        if (ok) {
            vm.stop();
        }
        return ok;
    }

    /** For tests and screenshots: a node by id. */
    Node lookup(String id) {
        return root.lookup("#" + id);
    }
}
