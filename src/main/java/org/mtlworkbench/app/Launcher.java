package org.mtlworkbench.app;

import javafx.application.Application;

/**
 * Plain entry point (not a subclass of {@link Application}), so the workbench starts from the class path and from a
 * packaged image without JavaFX module-path set-up.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(WorkbenchApp.class, args);
    }
}
