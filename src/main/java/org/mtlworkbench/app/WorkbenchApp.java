package org.mtlworkbench.app;

import java.util.List;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ModelRegistry;
import org.mtlworkbench.train.RunState;

/**
 * The first workbench window: the bundled sample data sets, a model picker, Train / Pause / Step / Stop, and live
 * curves of the loss and the test metric. The full workbench grows from here.
 */
public final class WorkbenchApp extends Application {

    static final long SEED = 1;

    @Override
    public void start(Stage stage) {
        stage.setTitle("MTL Workbench");
        stage.setScene(new Scene(buildRoot(SampleGallery.list(SampleGallery.defaultFolder())), 1100, 700));
        stage.show();
    }

    static BorderPane buildRoot(List<SampleDataSet> samples) {
        ListView<SampleDataSet> sampleList = new ListView<>();
        sampleList.setId("samples");
        sampleList.getItems().setAll(samples);
        Label description = new Label(samples.isEmpty()
                ? "No sample data found. Run ./mtlwb generate in the repository to create it." : "");
        description.setId("description");
        description.setWrapText(true);
        description.setMaxWidth(280);

        ComboBox<ModelFactory> models = new ComboBox<>();
        models.setId("model");
        models.getItems().setAll(ModelRegistry.load().all());
        models.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ModelFactory f) {
                return f == null ? "" : f.displayName();
            }

            @Override
            public ModelFactory fromString(String s) {
                return null;
            }
        });
        models.getItems().stream().filter(f -> f.id().equals("independent")).findFirst()
                .ifPresent(models.getSelectionModel()::select);

        CurveChart loss = new CurveChart("Loss", "loss (lower is better)");
        CurveChart metric = new CurveChart("Metrics", "metric");
        TrainingViewModel vm = new TrainingViewModel(loss, metric);

        Button train = new Button("Train");
        train.setId("train");
        train.setDefaultButton(true);
        Button pause = new Button("Pause");
        pause.setId("pause");
        Button step = new Button("Step");
        step.setId("step");
        Button stop = new Button("Stop");
        stop.setId("stop");
        Label status = new Label();
        status.setId("status");
        status.textProperty().bind(vm.statusProperty());

        sampleList.getSelectionModel().selectedItemProperty().addListener((o, old, s) -> {
            description.setText(s == null ? "" : s.description());
        });
        train.disableProperty().bind(sampleList.getSelectionModel().selectedItemProperty().isNull()
                .or(models.getSelectionModel().selectedItemProperty().isNull()));
        train.setOnAction(e -> vm.train(sampleList.getSelectionModel().getSelectedItem(),
                models.getSelectionModel().getSelectedItem(), SEED));
        pause.setOnAction(e -> {
            if (vm.stateProperty().get() == RunState.PAUSED) {
                vm.resume();
            } else {
                vm.pause();
            }
        });
        vm.stateProperty().addListener((o, old, s) -> pause.setText(s == RunState.PAUSED ? "Resume" : "Pause"));
        step.setOnAction(e -> vm.step());
        stop.setOnAction(e -> vm.stop());
        pause.disableProperty().bind(vm.stateProperty().isNotEqualTo(RunState.RUNNING)
                .and(vm.stateProperty().isNotEqualTo(RunState.PAUSED)));
        step.disableProperty().bind(vm.stateProperty().isNotEqualTo(RunState.PAUSED));
        stop.disableProperty().bind(pause.disableProperty());

        VBox left = new VBox(8, new Label("Sample data sets"), sampleList, description, new Label("Model"), models,
                new HBox(6, train, pause, step, stop));
        left.setPadding(new Insets(10));
        left.setPrefWidth(300);
        VBox.setVgrow(sampleList, Priority.ALWAYS);

        VBox charts = new VBox(6, loss.node(), metric.node());
        VBox.setVgrow(loss.node(), Priority.ALWAYS);
        VBox.setVgrow(metric.node(), Priority.ALWAYS);
        charts.setPadding(new Insets(10));

        BorderPane root = new BorderPane(charts);
        root.setLeft(left);
        HBox bottom = new HBox(status);
        bottom.setPadding(new Insets(4, 10, 6, 10));
        root.setBottom(bottom);
        root.setUserData(vm);
        return root;
    }
}
