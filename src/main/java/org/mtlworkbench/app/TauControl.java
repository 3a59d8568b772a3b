package org.mtlworkbench.app;

import java.util.Locale;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import javafx.animation.PauseTransition;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.ParamSpec;
import org.mtlworkbench.model.ParamType;

/**
 * The τ slider: log scale from 0.05 to 5, shown only for models with a live parameter named {@code tau}. Moves are
 * debounced (the knob gets the value once the slider has rested {@value #DEBOUNCE_MS} ms), so dragging does not
 * flood the training thread with changes.
 */
final class TauControl extends HBox {

    static final String TAU = "tau";
    static final double MIN = 0.05;
    static final double MAX = 5;
    static final int DEBOUNCE_MS = 150;

    private final Slider slider = new Slider(Math.log10(MIN), Math.log10(MAX), 0);
    private final Label value = new Label();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(DEBOUNCE_MS));
    private DoubleConsumer onChange = v -> { };
    private boolean quiet;

    TauControl() {
        super(6);
        setId("tauControl");
        slider.setId("tau");
        slider.setPrefWidth(220);
        slider.setTooltip(new Tooltip("τ (temperature), log scale 0.05–5: applied to the running model at its next step"));
        value.setMinWidth(70);
        getChildren().addAll(new Label("τ"), slider, value);
        slider.valueProperty().addListener((o, a, b) -> {
            value.setText(String.format(Locale.ROOT, "= %.3g", tau()));
            if (!quiet) {
                debounce.playFromStart();
            }
        });
        debounce.setOnFinished(e -> onChange.accept(tau()));
        setVisible(false);
        setManaged(false);
    }

    /** The live τ parameter of a model, if it has one. */
    static Optional<ParamSpec> tauSpec(ModelFactory f) {
        if (f == null) {
            return Optional.empty();
        }
        return f.params().stream().filter(p -> p.live() && p.name().equals(TAU) && p.type() == ParamType.DOUBLE)
                .findFirst();
    }

    /** Shows the slider for models with a live τ (at {@code initial}), hides it otherwise. */
    void configure(ModelFactory f, double initial) {
        boolean has = tauSpec(f).isPresent();
        setVisible(has);
        setManaged(has);
        if (has) {
            setQuietly(initial);
        }
    }

    void setOnChange(DoubleConsumer c) {
        onChange = c;
    }

    double tau() {
        return Math.pow(10, slider.getValue());
    }

    /** Moves the slider without notifying (e.g. to a run's starting τ). */
    void setQuietly(double tau) {
        quiet = true;
        try {
            slider.setValue(Math.log10(Math.max(MIN, Math.min(MAX, tau))));
        } finally {
            quiet = false;
        }
        value.setText(String.format(Locale.ROOT, "= %.3g", tau()));
    }

    /** As a user would: sets the slider (the knob follows after the debounce). */
    void set(double tau) {
        slider.setValue(Math.log10(tau));
    }

    Slider slider() {
        return slider;
    }
}
