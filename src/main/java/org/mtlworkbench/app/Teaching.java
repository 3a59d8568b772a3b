package org.mtlworkbench.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.mtlworkbench.experiment.lesson.ClaimResult;
import org.mtlworkbench.experiment.lesson.Lesson;
import org.mtlworkbench.experiment.lesson.LessonClaims;
import org.mtlworkbench.experiment.lesson.LessonLibrary;
import org.mtlworkbench.experiment.lesson.LessonStep;
import org.mtlworkbench.experiment.setup.Setup;
import org.mtlworkbench.experiment.setup.SetupFile;
import org.mtlworkbench.train.RunResult;

/**
 * The teaching side of the workbench: the Lessons menu and the lesson beside the views, presenter mode (F5),
 * hidden and locked controls, shareable set-up files, and the "?" explanations of the relatedness views.
 */
final class Teaching {

    private final Workbench wb;
    final ControlLocks locks;
    final SetupActions actions;
    final PresenterMode presenter;
    final LessonPane pane = new LessonPane();
    final List<Lesson> lessons = new ArrayList<>();
    final CheckMenuItem presenterItem = new CheckMenuItem("Presenter mode (F5)");
    final CheckMenuItem highContrastItem = new CheckMenuItem("High contrast");
    private String lessonError;
    private Lesson lesson;
    private int step;
    private ClaimResult lastClaim;
    private boolean fullScreen = true;

    Teaching(Workbench wb) {
        this.wb = wb;
        locks = new ControlLocks(wb);
        actions = new SetupActions(wb, locks);
        presenter = new PresenterMode(wb);
        try {
            lessons.addAll(LessonLibrary.load().all());
        } catch (Exception e) {
            lessonError = e.getMessage();
        }
        MenuBar bar = (MenuBar) wb.lookup("menuBar");
        bar.getMenus().addAll(lessonsMenu(), presenterMenu());
        pane.back.setOnAction(e -> goTo(step - 1));
        pane.next.setOnAction(e -> goTo(step + 1));
        pane.redo.setOnAction(e -> goTo(step));
        pane.close.setOnAction(e -> closeLesson());
        pane.checkClaim.setOnAction(e -> checkClaim());
        wb.relatedness.explain.setOnAction(e -> explain());
        MenuItem exportEquation = new MenuItem("Export equation (PNG, SVG, PDF)…");
        exportEquation.setOnAction(e -> {
            var eq = pane.equationFigure();
            if (eq != null) {
                Exports.exportFigure(window(), eq, eq.naturalWidth() * 1.5 + 20, eq.naturalHeight() * 1.5 + 20);
            }
        });
        pane.equation.setOnContextMenuRequested(e -> new javafx.scene.control.ContextMenu(exportEquation)
                .show(pane.equation, e.getScreenX(), e.getScreenY()));
    }

    private Window window() {
        return wb.root().getScene() == null ? null : wb.root().getScene().getWindow();
    }

    // ------------------------------------------------------------------------------------------ menus and keys

    private Menu lessonsMenu() {
        Menu m = new Menu("Lessons");
        m.setId("lessonsMenu");
        for (Lesson l : lessons) {
            MenuItem it = new MenuItem(l.title());
            it.setId("lesson-" + l.id());
            it.setOnAction(e -> openLesson(l, 0));
            m.getItems().add(it);
        }
        if (lessonError != null) {
            MenuItem err = new MenuItem("Lessons could not be read: " + lessonError);
            err.setDisable(true);
            m.getItems().add(err);
        }
        MenuItem open = new MenuItem("Open set-up…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        open.setOnAction(e -> openSetupDialog());
        MenuItem save = new MenuItem("Save set-up…");
        save.setOnAction(e -> saveSetupDialog(false));
        MenuItem saveEmbedded = new MenuItem("Save set-up with the data embedded…");
        saveEmbedded.setOnAction(e -> saveSetupDialog(true));
        m.getItems().addAll(new SeparatorMenuItem(), open, save, saveEmbedded);
        return m;
    }

    private Menu presenterMenu() {
        presenterItem.selectedProperty().addListener((o, a, on) -> {
            if (on != presenter.isOn()) {
                setPresenter(on);
            }
        });
        highContrastItem.selectedProperty().addListener((o, a, on) -> presenter.setHighContrast(on));
        Menu hide = new Menu("Hide controls");
        Menu lock = new Menu("Lock controls");
        for (String name : Setup.Controls.NAMES) {
            CheckMenuItem h = new CheckMenuItem(name);
            h.setOnAction(e -> locks.setHidden(name, h.isSelected()));
            CheckMenuItem l = new CheckMenuItem(name);
            l.setOnAction(e -> locks.setLocked(name, l.isSelected()));
            hide.getItems().add(h);
            lock.getItems().add(l);
        }
        // the ticks follow set-ups and lessons that hide or lock controls
        hide.setOnShowing(e -> hide.getItems().forEach(i -> ((CheckMenuItem) i)
                .setSelected(locks.isHidden(i.getText()))));
        lock.setOnShowing(e -> lock.getItems().forEach(i -> ((CheckMenuItem) i)
                .setSelected(locks.isLocked(i.getText()))));
        Menu m = new Menu("Presenter", null, presenterItem, highContrastItem, new SeparatorMenuItem(), hide, lock);
        m.setId("presenterMenu");
        return m;
    }

    /** F5 or F11 toggles presenter mode. */
    void installKeys(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F5 || e.getCode() == KeyCode.F11) {
                setPresenter(!presenter.isOn());
                e.consume();
            }
        });
    }

    /** Tests keep their window size (Monocle has no real full screen). */
    void setFullScreenAllowed(boolean allowed) {
        fullScreen = allowed;
    }

    void setPresenter(boolean on) {
        presenterItem.setSelected(on);
        presenter.set(on, fullScreen);
        if (lesson != null) {
            pane.show(lesson, step, on, presenter.isHighContrast());
        }
        layoutForLesson();
    }

    /**
     * In presenter mode with a lesson open, the data and model side panel gives its room to the views (the lesson
     * sets data and model); it comes back when either ends.
     */
    private void layoutForLesson() {
        boolean compact = presenter.isOn() && lesson != null;
        if (sidePanel == null) {
            sidePanel = wb.root().getLeft();
        }
        wb.root().setLeft(compact ? null : sidePanel);
        pane.setPrefWidth(presenter.isOn() ? 520 : 440);
    }

    private javafx.scene.Node sidePanel;

    // ------------------------------------------------------------------------------------------ lessons

    Optional<Lesson> lesson(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    Lesson currentLesson() {
        return lesson;
    }

    int currentStep() {
        return step;
    }

    /** The open lesson step's equation (black on white, for export with a run's figures), or null. */
    org.mtlworkbench.export.render.Figure currentEquation() {
        return lesson == null ? null : pane.equationFigure();
    }

    ClaimResult lastClaim() {
        return lastClaim;
    }

    /** Opens a lesson at a step and puts its set-up in place. */
    void openLesson(Lesson l, int at) {
        lesson = l;
        wb.root().setRight(pane);
        layoutForLesson();
        goTo(at);
    }

    void closeLesson() {
        lesson = null;
        wb.root().setRight(null);
        layoutForLesson();
        locks.apply(new Setup.Controls(List.of(), List.of()));
    }

    /** Shows step {@code i} and applies its set-up (or the nearest earlier step's). */
    void goTo(int i) {
        if (lesson == null || i < 0 || i >= lesson.steps().size()) {
            return;
        }
        step = i;
        lastClaim = null;
        pane.show(lesson, i, presenter.isOn(), presenter.isHighContrast());
        Setup s = setupOf(lesson, i);
        if (s != null) {
            applyQuietly(s, () -> { });
        }
    }

    /** The set-up in force at step {@code i}: its own, else the nearest earlier step's. */
    static Setup setupOf(Lesson l, int i) {
        for (int k = i; k >= 0; k--) {
            if (l.step(k).setup() != null) {
                return l.step(k).setup();
            }
        }
        return null;
    }

    private void applyQuietly(Setup s, Runnable whenReady) {
        try {
            actions.apply(s, whenReady);
        } catch (IOException | RuntimeException e) {
            Exports.error(window(), "Could not set up this step", e.getMessage());
        }
    }

    /** Checks the step's claim on the current finished run, off the FX thread; the result shows in the pane. */
    void checkClaim() {
        LessonStep s = lesson == null ? null : lesson.step(step);
        if (s == null || s.claim() == null) {
            return;
        }
        RunRecord r = wb.vm.current();
        Setup setup = setupOf(lesson, step);
        Optional<RunResult> result = r == null ? Optional.empty() : r.run().result();
        if (result.isEmpty() || result.get().model() == null || !r.factory().id().equals(setup.model().id())) {
            pane.showMessage("Train " + setup.model().id() + " on this step first (press Start and let it finish).");
            return;
        }
        pane.showMessage(s.claim().needsReference() ? "Checking (training " + s.claim().reference().id()
                + " on the same split for comparison)…" : "Checking…");
        pane.checkClaim.setDisable(true);
        Path truth = Path.of(r.dataPath()).resolveSibling("ground_truth.json");
        List<org.mtlworkbench.model.ModelFactory> factories = List.copyOf(wb.model.models.getItems());
        Thread t = new Thread(() -> {
            try {
                ClaimResult c = LessonClaims.check(s.claim(), r.data(), r.seed(), result.get(),
                        Files.isRegularFile(truth) ? truth : null, factories);
                Platform.runLater(() -> {
                    lastClaim = c;
                    pane.showResult(c);
                    pane.checkClaim.setDisable(false);
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    pane.showMessage("Could not check the claim: " + e.getMessage());
                    pane.checkClaim.setDisable(false);
                });
            }
        }, "claim-check");
        t.setDaemon(true);
        t.start();
    }

    // ------------------------------------------------------------------------------------------ set-up files

    private void openSetupDialog() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a shared set-up");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("MTL Workbench set-up", "*"
                + SetupFile.EXTENSION));
        File f = fc.showOpenDialog(window());
        if (f != null) {
            openSetup(f.toPath(), () -> { });
        }
    }

    /** Opens a set-up file: its data, split, model, parameters, seed, controls and lesson step. */
    void openSetup(Path file, Runnable whenReady) {
        SetupFile.Document d;
        try {
            d = SetupFile.load(file);
        } catch (Exception e) {
            Exports.error(window(), "Could not open the set-up", e.getMessage());
            return;
        }
        Setup s = d.setup();
        if (s.lesson() != null) {
            Optional<Lesson> l = lesson(s.lesson().id());
            if (l.isEmpty() || s.lesson().step() >= l.get().steps().size()) {
                Exports.error(window(), "Unknown lesson", "The set-up refers to lesson \"" + s.lesson().id()
                        + "\" step " + (s.lesson().step() + 1) + ", which is not installed here.");
            } else {
                lesson = l.get();
                step = s.lesson().step();
                wb.root().setRight(pane);
                layoutForLesson();
                pane.show(lesson, step, presenter.isOn(), presenter.isHighContrast());
            }
        }
        applyQuietly(s, whenReady);
    }

    private void saveSetupDialog(boolean embed) {
        FileChooser fc = new FileChooser();
        fc.setTitle(embed ? "Save set-up with the data embedded" : "Save set-up");
        fc.setInitialFileName((lesson != null ? lesson.id() + "-step" + (step + 1) : "setup") + SetupFile.EXTENSION);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("MTL Workbench set-up", "*"
                + SetupFile.EXTENSION));
        File f = fc.showSaveDialog(window());
        if (f != null) {
            try {
                saveSetup(f.toPath(), embed);
            } catch (IOException | RuntimeException e) {
                Exports.error(window(), "Could not save the set-up", e.getMessage());
            }
        }
    }

    void saveSetup(Path file, boolean embed) throws IOException {
        Setup s = actions.capture(embed, lesson == null ? null : new Setup.LessonRef(lesson.id(), step));
        String name = file.getFileName().toString().replace(SetupFile.EXTENSION, "");
        SetupFile.save(new SetupFile.Document(name, s), file);
    }

    // ------------------------------------------------------------------------------------------ explanations

    void explain() {
        var f = wb.model.factory();
        ExplainPanel.show(window(), f == null ? null : f.id(), f == null ? null : f.displayName(),
                presenter.isOn() ? 20 : 13);
    }
}
