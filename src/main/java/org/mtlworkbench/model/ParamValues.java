package org.mtlworkbench.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checked values for a list of {@link ParamSpec}s; every spec has a value (its default unless set). Immutable. */
public final class ParamValues {

    private final List<ParamSpec> specs;
    private final Map<String, Object> values;

    private ParamValues(List<ParamSpec> specs, Map<String, Object> values) {
        this.specs = List.copyOf(specs);
        this.values = Collections.unmodifiableMap(values);
    }

    public static ParamValues defaults(List<ParamSpec> specs) {
        Map<String, Object> v = new LinkedHashMap<>();
        for (ParamSpec s : specs) {
            if (v.put(s.name(), s.defaultValue()) != null) {
                throw new IllegalArgumentException("parameter " + s.name() + " is declared twice");
            }
        }
        return new ParamValues(specs, v);
    }

    /** Defaults overridden by {@code name=value} texts, as given on the command line. */
    public static ParamValues parse(List<ParamSpec> specs, Map<String, String> texts) {
        ParamValues p = defaults(specs);
        for (Map.Entry<String, String> e : texts.entrySet()) {
            p = p.withText(e.getKey(), e.getValue());
        }
        return p;
    }

    public List<ParamSpec> specs() {
        return specs;
    }

    public ParamSpec spec(String name) {
        for (ParamSpec s : specs) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown parameter '" + name + "'; known: " + names());
    }

    private List<String> names() {
        return specs.stream().map(ParamSpec::name).toList();
    }

    public ParamValues withText(String name, String text) {
        return with(name, spec(name).parse(text));
    }

    public ParamValues with(String name, Object value) {
        Object checked = spec(name).check(value);
        Map<String, Object> v = new LinkedHashMap<>(values);
        v.put(name, checked);
        return new ParamValues(specs, v);
    }

    public Object get(String name) {
        spec(name);
        return values.get(name);
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public String getString(String name) {
        return get(name).toString();
    }

    /** name → value in declaration order (for provenance and the experiment file). */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
