package org.mtlworkbench.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.mtlworkbench.model.ModelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The workbench application: one window, the theme remembered between starts, a warning before losing runs. */
public final class WorkbenchApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);

    @Override
    public void start(Stage stage) {
        WorkbenchPrefs prefs = WorkbenchPrefs.load();
        Workbench.applyTheme(prefs.darkTheme());
        var samples = SampleGallery.list(SampleGallery.defaultFolder());
        Workbench wb = new Workbench(samples, ModelRegistry.load().all(), prefs);
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
        // one line for whoever checks that the installed program opens its window
        LOG.info("workbench window shown, {} sample data sets from {}", samples.size(),
                SampleGallery.defaultFolder().toAbsolutePath());
        Parameters p = getParameters();
        if (p != null) {
            Launcher.experimentArgument(p.getUnnamed()).ifPresent(wb::loadExperiment);
            Launcher.setupArgument(p.getUnnamed()).ifPresent(f -> wb.teaching.openSetup(f, () -> { }));
        }
    }
}
