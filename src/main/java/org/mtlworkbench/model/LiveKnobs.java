package org.mtlworkbench.model;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values the user may change while a model trains (τ and other live parameters). Written from any thread (the
 * GUI's slider), read by the training thread at the start of every step: the next step sees the latest value.
 */
public final class LiveKnobs {

    private final Map<String, Double> values = new ConcurrentHashMap<>();

    public void set(String name, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("knob " + name + " cannot be NaN");
        }
        values.put(name, value);
    }

    public void clear(String name) {
        values.remove(name);
    }

    /** The knob's value, when it has been set. */
    public OptionalDouble get(String name) {
        Double v = values.get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    public double getOr(String name, double fallback) {
        Double v = values.get(name);
        return v == null ? fallback : v;
    }
}
