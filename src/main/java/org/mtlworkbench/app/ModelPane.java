package org.mtlworkbench.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.Editors;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ParamSpec;
import org.mtlworkbench.model.ParamType;
import org.mtlworkbench.model.ParamValues;

/**
 * The model page: a picker listing every model the SPI finds (with its one-line description), a ControlsFX property
 * sheet generated from the model's {@link ParamSpec}s (ranges and help as tooltips, live parameters in their own
 * category), named presets remembered per model, and the training seed.
 */
final class ModelPane {

    final ComboBox<ModelFactory> models = new ComboBox<>();
    final Label modelDescription = new Label();
    final PropertySheet sheet = new PropertySheet();
    final Label paramMessage = new Label();
    final ComboBox<String> presets = new ComboBox<>();
    final Button savePreset = new Button("Save preset…");
    final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1);
    private final ObjectProperty<ParamValues> params = new SimpleObjectProperty<>();
    private final Preferences presetNode;

    ModelPane(List<ModelFactory> factories, Preferences presetNode) {
        this.presetNode = presetNode;
        models.setId("model");
        models.getItems().setAll(factories);
        models.setMaxWidth(Double.MAX_VALUE);
        models.setConverter(new StringConverter<>() {
            @Override
            public String toString(ModelFactory f) {
                return f == null ? "" : f.displayName();
            }

            @Override
            public ModelFactory fromString(String s) {
                return null;
            }
        });
        models.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ModelFactory f, boolean empty) {
                super.updateItem(f, empty);
                if (empty || f == null) {
                    setText(null);
                    setTooltip(null);
                } else {
                    setText(f.displayName() + "\n  " + f.description());
                    setTooltip(new Tooltip(f.reference().isEmpty() ? f.description() : f.reference()));
                }
            }
        });
        modelDescription.setId("modelDescription");
        modelDescription.setWrapText(true);
        sheet.setId("params");
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setPrefHeight(220);
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> item instanceof ParamItem p && p.spec.type() == ParamType.CHOICE
                ? Editors.createChoiceEditor(item, p.spec.choices()) : defaults.call(item));
        paramMessage.setId("paramMessage");
        paramMessage.setWrapText(true);
        paramMessage.setStyle("-fx-text-fill: #b35806;");
        presets.setId("presets");
        presets.setPromptText("preset");
        seed.setId("seed");
        seed.setEditable(true);
        seed.setPrefWidth(100);
        models.valueProperty().addListener((o, a, f) -> select(f));
        presets.valueProperty().addListener((o, a, name) -> applyPreset(name));
        savePreset.setOnAction(e -> askPresetName());
        factories.stream().filter(f -> f.id().equals("independent")).findFirst()
                .or(() -> factories.stream().findFirst()).ifPresent(models::setValue);
    }

    VBox node() {
        HBox presetRow = new HBox(6, presets, savePreset);
        HBox.setHgrow(presets, Priority.ALWAYS);
        HBox seedRow = new HBox(6, new Label("training seed"), seed);
        VBox box = new VBox(6, models, modelDescription, sheet, paramMessage, presetRow, seedRow);
        VBox.setVgrow(sheet, Priority.ALWAYS);
        box.setPadding(new Insets(4));
        return box;
    }

    ObjectProperty<ParamValues> paramsProperty() {
        return params;
    }

    ModelFactory factory() {
        return models.getValue();
    }

    ParamValues params() {
        return params.get();
    }

    long seedValue() {
        return seed.getValue();
    }

    /** Selects a model by id and sets its parameters (experiment loading); false when the model is unknown. */
    boolean select(String id, Map<String, Object> values) {
        Optional<ModelFactory> f = models.getItems().stream().filter(m -> m.id().equals(id)).findFirst();
        if (f.isEmpty()) {
            return false;
        }
        models.setValue(f.get());
        ParamValues v = f.get().defaults();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            v = v.with(e.getKey(), e.getValue());
        }
        show(f.get(), v);
        return true;
    }

    private void select(ModelFactory f) {
        if (f == null) {
            return;
        }
        modelDescription.setText(f.description() + (f.reference().isEmpty() ? "" : "\n" + f.reference()));
        List<String> names = new ArrayList<>();
        names.add("defaults");
        names.addAll(presetNames(f));
        presets.setItems(FXCollections.observableArrayList(names));
        show(f, f.defaults());
    }

    private void show(ModelFactory f, ParamValues v) {
        params.set(v);
        paramMessage.setText("");
        List<PropertySheet.Item> items = new ArrayList<>();
        for (ParamSpec s : f.params()) {
            items.add(new ParamItem(s));
        }
        sheet.getItems().setAll(items);
    }

    /** One parameter as a property-sheet row; values are checked against the spec before they are taken. */
    private final class ParamItem implements PropertySheet.Item {
        final ParamSpec spec;

        ParamItem(ParamSpec spec) {
            this.spec = spec;
        }

        @Override
        public Class<?> getType() {
            return switch (spec.type()) {
                case DOUBLE -> Double.class;
                case INT -> Integer.class;
                case BOOLEAN -> Boolean.class;
                case CHOICE -> String.class;
            };
        }

        @Override
        public String getCategory() {
            return spec.live() ? "live while training" : "settings";
        }

        @Override
        public String getName() {
            return spec.name() + (spec.unit().isEmpty() ? "" : " (" + spec.unit() + ")");
        }

        @Override
        public String getDescription() {
            return spec.help() + "\nallowed: " + spec.rangeText() + (spec.logScale() ? ", log scale" : "")
                    + "; default " + spec.defaultValue();
        }

        @Override
        public Object getValue() {
            return params.get().get(spec.name());
        }

        @Override
        public void setValue(Object value) {
            if (value == null || value.equals(getValue())) {
                return;
            }
            try {
                params.set(params.get().with(spec.name(), value));
                paramMessage.setText("");
            } catch (IllegalArgumentException e) {
                paramMessage.setText(e.getMessage());
            }
        }

        @Override
        public Optional<javafx.beans.value.ObservableValue<? extends Object>> getObservableValue() {
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------ presets (per model, in preferences)

    private Preferences presetsOf(ModelFactory f) {
        return presetNode.node(f.id());
    }

    private List<String> presetNames(ModelFactory f) {
        try {
            return List.of(presetsOf(f).childrenNames());
        } catch (BackingStoreException e) {
            return List.of();
        }
    }

    private void applyPreset(String name) {
        ModelFactory f = factory();
        if (name == null || f == null) {
            return;
        }
        if (name.equals("defaults")) {
            show(f, f.defaults());
            return;
        }
        Preferences p = presetsOf(f).node(name);
        ParamValues v = f.defaults();
        for (ParamSpec s : f.params()) {
            String text = p.get(s.name(), null);
            if (text != null) {
                try {
                    v = v.withText(s.name(), text);
                } catch (IllegalArgumentException e) {
                    paramMessage.setText("preset " + name + ": " + e.getMessage());
                }
            }
        }
        show(f, v);
    }

    /** Stores the current values under a name for this model. */
    void savePreset(String name) {
        ModelFactory f = factory();
        Preferences p = presetsOf(f).node(name);
        for (Map.Entry<String, Object> e : new LinkedHashMap<>(params.get().asMap()).entrySet()) {
            p.put(e.getKey(), String.valueOf(e.getValue()));
        }
        try {
            p.flush();
        } catch (BackingStoreException e) {
            paramMessage.setText("could not store the preset: " + e.getMessage());
        }
        if (!presets.getItems().contains(name)) {
            presets.getItems().add(name);
        }
    }

    private void askPresetName() {
        TextInputDialog d = new TextInputDialog("my preset");
        d.setHeaderText("Name for these " + factory().displayName() + " settings");
        d.showAndWait().map(String::strip).filter(s -> !s.isEmpty() && !s.contains("/")).ifPresent(this::savePreset);
    }
}
