package org.mtlworkbench.model.djl;

import java.util.List;
import java.util.Locale;

/**
 * The Gumbel-softmax temperature τ as a function of the (1-based) training step, before the live knob: when the
 * user sets τ while training, the knob wins from the next step on.
 */
public enum TemperatureSchedule {
    /** τ = τ₀. */
    CONSTANT,
    /**
     * τ = max(τ₀·exp(−rate·step), floor): a smooth version of the official code, which multiplies τ by
     * exp(−3e−5·iter) every 1000 iterations with a floor of 0.5.
     */
    EXPONENTIAL,
    /** τ = τ₀ / √step (the reference library's demo uses 1/√(step+1)). */
    INVERSE_SQRT;

    /** Names used in parameters: "constant", "exponential", "inverse-sqrt". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> ids() {
        return java.util.Arrays.stream(values()).map(TemperatureSchedule::id).toList();
    }

    public static TemperatureSchedule of(String id) {
        for (TemperatureSchedule s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown temperature schedule '" + id + "'; known: " + ids());
    }

    /** τ at {@code step} (≥ 1) for initial value {@code tau0}. */
    public double at(int step, double tau0, double rate, double floor) {
        return switch (this) {
            case CONSTANT -> tau0;
            case EXPONENTIAL -> Math.max(tau0 * Math.exp(-rate * step), Math.min(floor, tau0));
            case INVERSE_SQRT -> tau0 / Math.sqrt(Math.max(1, step));
        };
    }
}
