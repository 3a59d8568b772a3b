package org.mtlworkbench.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import org.mtlworkbench.experiment.setup.SetupFile;
import org.mtlworkbench.numeric.DjlCache;

/**
 * Plain entry point (not a subclass of {@link Application}), so the workbench starts from the class path and from a
 * packaged image without JavaFX module-path set-up.
 *
 * <p>{@code --smoke} runs {@link SmokeCheck} instead of the workbench; a {@code .json} file argument (as the desktop
 * passes it on a double-click of an experiment file) is opened as an experiment, a {@code .mtlsetup} file as a shared
 * set-up.
 */
public final class Launcher {

    static final String SMOKE = "--smoke";

    private Launcher() {
    }

    public static void main(String[] args) {
        DjlCache.configure();
        if (Arrays.asList(args).contains(SMOKE)) {
            System.exit(SmokeCheck.run(System.out, System.err, SmokeCheck.displayAvailable()));
        }
        Application.launch(WorkbenchApp.class, args);
    }

    /** The first argument that names a JSON file (an experiment to open), if any. */
    static Optional<Path> experimentArgument(List<String> args) {
        return fileArgument(args, ".json");
    }

    /** The first argument that names a shared set-up file ({@link SetupFile#EXTENSION}), if any. */
    static Optional<Path> setupArgument(List<String> args) {
        return fileArgument(args, SetupFile.EXTENSION);
    }

    private static Optional<Path> fileArgument(List<String> args, String extension) {
        return args.stream()
                .filter(a -> !a.startsWith("-") && a.toLowerCase(Locale.ROOT).endsWith(extension))
                .map(Path::of)
                .findFirst();
    }
}
