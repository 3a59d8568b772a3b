package org.mtlworkbench.data;

/** What the target column holds: a real number, or one label out of a finite set. */
public enum TargetType {
    REGRESSION,
    CLASSIFICATION;

    /** Parses "regression" / "classification" (case-insensitive); "auto" gives null. */
    public static TargetType parseOrAuto(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "auto" -> null;
            case "regression" -> REGRESSION;
            case "classification" -> CLASSIFICATION;
            default -> throw new IllegalArgumentException(
                    "target type must be regression, classification or auto, not '" + text + "'");
        };
    }
}
