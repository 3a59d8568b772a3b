package org.mtlworkbench.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One hyper-parameter, declared as data: the GUI builds its settings sheet from it, the CLI parses
 * {@code --param name=value} with it, the experiment file stores values by its name.
 *
 * @param name         identifier used on the command line and in files
 * @param type         value kind
 * @param defaultValue Double, Integer, Boolean or String (CHOICE)
 * @param min          smallest allowed value (numbers), or NaN for none
 * @param max          largest allowed value (numbers), or NaN for none
 * @param choices      allowed values for CHOICE, else empty
 * @param unit         unit or scale hint shown beside the value ("" for none)
 * @param help         one line of help
 * @param live         whether the value may change while training (read at every step)
 * @param logScale     whether a slider should move on a log scale
 */
public record ParamSpec(String name, ParamType type, Object defaultValue, double min, double max,
                        List<String> choices, String unit, String help, boolean live, boolean logScale) {

    public ParamSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
        choices = List.copyOf(choices);
        defaultValue = coerce(name, type, defaultValue);
    }

    public static ParamSpec ofDouble(String name, double def, double min, double max, String help) {
        return new ParamSpec(name, ParamType.DOUBLE, def, min, max, List.of(), "", help, false, false);
    }

    public static ParamSpec ofInt(String name, int def, int min, int max, String help) {
        return new ParamSpec(name, ParamType.INT, def, min, max, List.of(), "", help, false, false);
    }

    public static ParamSpec ofBoolean(String name, boolean def, String help) {
        return new ParamSpec(name, ParamType.BOOLEAN, def, Double.NaN, Double.NaN, List.of(), "", help, false,
                false);
    }

    public static ParamSpec ofChoice(String name, String def, List<String> choices, String help) {
        return new ParamSpec(name, ParamType.CHOICE, def, Double.NaN, Double.NaN, choices, "", help, false,
                false);
    }

    public ParamSpec asLive() {
        return new ParamSpec(name, type, defaultValue, min, max, choices, unit, help, true, logScale);
    }

    public ParamSpec withLogScale() {
        return new ParamSpec(name, type, defaultValue, min, max, choices, unit, help, live, true);
    }

    public ParamSpec withUnit(String newUnit) {
        return new ParamSpec(name, type, defaultValue, min, max, choices, newUnit, help, live, logScale);
    }

    /** Parses text into a value of this parameter's type and checks the range; the message names the parameter. */
    public Object parse(String text) {
        String t = text.trim();
        Object v;
        try {
            v = switch (type) {
                case DOUBLE -> Double.parseDouble(t);
                case INT -> Integer.parseInt(t);
                case BOOLEAN -> parseBoolean(t);
                case CHOICE -> t;
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + name + ": '" + text + "' is not "
                    + (type == ParamType.INT ? "a whole number" : "a number"));
        }
        return check(v);
    }

    private Boolean parseBoolean(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("parameter " + name + ": '" + t
                    + "' is not true or false");
        };
    }

    /** Checks a typed value against the range or choice list and returns it in canonical type. */
    public Object check(Object value) {
        Object v = coerce(name, type, value);
        if (type == ParamType.DOUBLE || type == ParamType.INT) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || (!Double.isNaN(min) && d < min) || (!Double.isNaN(max) && d > max)) {
                throw new IllegalArgumentException("parameter " + name + " must be in " + rangeText()
                        + ", not " + v);
            }
        }
        if (type == ParamType.CHOICE && !choices.contains((String) v)) {
            throw new IllegalArgumentException("parameter " + name + " must be one of " + choices + ", not '"
                    + v + "'");
        }
        return v;
    }

    public String rangeText() {
        if (type == ParamType.CHOICE) {
            return String.join("|", choices);
        }
        if (type == ParamType.BOOLEAN) {
            return "true|false";
        }
        String lo = Double.isNaN(min) ? "-inf" : fmt(min);
        String hi = Double.isNaN(max) ? "inf" : fmt(max);
        return "[" + lo + ", " + hi + "]";
    }

    private String fmt(double d) {
        return type == ParamType.INT ? Long.toString((long) d) : Double.toString(d);
    }

    private static Object coerce(String name, ParamType type, Object value) {
        Objects.requireNonNull(value, "parameter " + name + " has no value");
        return switch (type) {
            case DOUBLE -> {
                if (value instanceof Number n) {
                    yield n.doubleValue();
                }
                throw new IllegalArgumentException("parameter " + name + " needs a number, got " + value);
            }
            case INT -> {
                if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                    yield n.intValue();
                }
                throw new IllegalArgumentException("parameter " + name + " needs a whole number, got " + value);
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                throw new IllegalArgumentException("parameter " + name + " needs true or false, got " + value);
            }
            case CHOICE -> value.toString();
        };
    }
}
