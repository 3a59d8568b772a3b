package org.mtlworkbench.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.mtlworkbench.model.ModelRegistry;

/** The workbench application: one window, the theme remembered between starts, a warning before losing runs. */
public final class WorkbenchApp extends Application {

    @Override
    public void start(Stage stage) {
        WorkbenchPrefs prefs = WorkbenchPrefs.load();
        Workbench.applyTheme(prefs.darkTheme());
        Workbench wb = new Workbench(SampleGallery.list(SampleGallery.defaultFolder()), ModelRegistry.load().all(),
                prefs);
        Scene scene = new Scene(wb.root(), 1400, 900);
        wb.installKeys(scene);
        stage.titleProperty().bind(wb.titleProperty());
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!wb.confirmClose()) {
                e.consume();
            }
        });
        stage.show();
        // a shared set-up given on the command line opens at once
        getParameters().getRaw().stream().filter(a -> a.endsWith(org.mtlworkbench.experiment.setup.SetupFile.EXTENSION))
                .findFirst().ifPresent(a -> wb.teaching.openSetup(java.nio.file.Path.of(a), () -> { }));
    }
}
