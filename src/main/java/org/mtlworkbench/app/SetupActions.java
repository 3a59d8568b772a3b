package org.mtlworkbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import org.mtlworkbench.experiment.setup.Setup;
import org.mtlworkbench.experiment.setup.SetupData;

/**
 * Puts the workbench into the state a {@link Setup} describes (data, split, model, parameters, seed, hidden and
 * locked controls), and reads the current state back as a set-up. Data loads in the background; the rest is set
 * once it has arrived, so the data's own default split does not overwrite the set-up's.
 */
final class SetupActions {

    private final Workbench wb;
    private final ControlLocks locks;
    private Path scratch;

    SetupActions(Workbench wb, ControlLocks locks) {
        this.wb = wb;
        this.locks = locks;
    }

    /**
     * Applies {@code s}; {@code whenReady} runs on the FX thread once the data is loaded and everything is set.
     *
     * @throws IOException              when the data is not on this machine
     * @throws IllegalArgumentException when the model is not installed or a parameter is refused
     */
    void apply(Setup s, Runnable whenReady) throws IOException {
        if (!wb.model.select(s.model().id(), s.model().params())) {
            throw new IllegalArgumentException("the model \"" + s.model().id() + "\" is not installed");
        }
        wb.model.seed.getValueFactory().setValue((int) Math.max(0, Math.min(Integer.MAX_VALUE, s.seedOr1())));
        Runnable rest = () -> {
            if (s.split() != null) {
                wb.data.setSplit(s.split().toSpec());
            }
            locks.apply(s.controlsOrNone());
            whenReady.run();
        };
        Optional<SampleDataSet> sample = s.data().sample() == null ? Optional.empty()
                : wb.data.samples.getItems().stream().filter(x -> x.id().equals(s.data().sample())).findFirst();
        Path csv;
        if (s.data().sample() != null) {
            csv = sample.orElseThrow(() -> new IOException("the set-up uses the sample \"" + s.data().sample()
                    + "\", which is not installed here")).csv();
        } else {
            csv = SetupData.resolve(s.data(), Path.of("."), scratch()).csv();
        }
        if (isLoaded(csv)) {
            rest.run();
            return;
        }
        ChangeListener<DataPane.Loaded> once = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends DataPane.Loaded> o, DataPane.Loaded a,
                                DataPane.Loaded l) {
                if (l != null && same(l.source().data(), csv)) {
                    wb.data.loadedProperty().removeListener(this);
                    rest.run();
                }
            }
        };
        wb.data.loadedProperty().addListener(once);
        if (sample.isPresent()) {
            wb.tabs.getSelectionModel().select(wb.dataTab);
            wb.data.samples.getSelectionModel().select(sample.get());
        } else {
            wb.openPath(csv);
        }
    }

    private boolean isLoaded(Path csv) {
        DataPane.Loaded l = wb.data.loadedProperty().get();
        return l != null && same(l.source().data(), csv);
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private Path scratch() throws IOException {
        if (scratch == null) {
            scratch = Files.createTempDirectory("mtlwb-setup");
            scratch.toFile().deleteOnExit();
        }
        return scratch;
    }

    /**
     * The current state as a set-up. A bundled sample is referred to by name; other data by path, or embedded as
     * CSV text when {@code embed} (for a student without the file).
     */
    Setup capture(boolean embed, Setup.LessonRef lesson) throws IOException {
        DataPane.Loaded l = wb.data.loadedProperty().get();
        if (l == null || wb.model.factory() == null) {
            throw new IllegalStateException("load data and pick a model first");
        }
        Path csv = l.source().data();
        Optional<SampleDataSet> sample = wb.data.samples.getItems().stream().filter(x -> same(x.csv(), csv))
                .findFirst();
        Setup.DataChoice data;
        if (sample.isPresent()) {
            data = Setup.DataChoice.sample(sample.get().id());
        } else if (embed && Files.isRegularFile(csv)) {
            data = SetupData.embed(l.data().dataset().name(), csv, l.source().tasksFile());
        } else {
            data = Setup.DataChoice.path(csv.toAbsolutePath().toString());
        }
        return new Setup(data, Setup.SplitJson.of(wb.data.splitSpec()),
                new Setup.ModelJson(wb.model.factory().id(), wb.model.params().asMap()), wb.model.seedValue(),
                locks.current(), lesson);
    }
}
