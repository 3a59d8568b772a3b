package org.mtlworkbench.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects target cells while streaming and decides the target type at the end.
 *
 * <p>Auto rule: the first data row fixes the kind of the column, number or text. A later cell of the other kind is
 * an error at that cell ("mixed"). All text → classification. All numbers → classification when there are exactly
 * two distinct values, else regression. With an explicit type: regression rejects any text cell; classification
 * reads every cell as a label (numbers and text may mix).
 *
 * <p>Labels are sorted numerically when all are numbers (equal numbers such as "1" and "1.0" are one label, shown as
 * first written), otherwise as strings. Memory: one double per row, plus one int per row once text is seen.
 */
final class TargetColumn {

    /** More distinct labels than this is almost surely a numeric target read as classes. */
    static final int MAX_LABELS = 1000;

    private final TargetType requested;
    private final PrimitiveBuffers.Doubles numbers = new PrimitiveBuffers.Doubles();
    private PrimitiveBuffers.Ints textCodes;
    private final Map<String, Integer> textLabels = new LinkedHashMap<>();
    private final Map<Double, String> numberLabels = new LinkedHashMap<>();
    private boolean manyNumbers;
    private boolean firstIsNumber;
    private long firstLine;
    private java.nio.file.Path firstFile;
    private String firstCell;

    private TargetType type;
    private List<String> labels;
    private Map<Double, Integer> numberIndex;
    private int[] textIndex;

    TargetColumn(TargetType requested) {
        this.requested = requested;
    }

    /** Adds the target of the next row, read from {@code file}; returns null, or the problem with this cell. */
    String add(String cell, java.nio.file.Path file, long line) {
        if (Cells.isMissing(cell)) {
            return Cells.notNumber(cell, "the target column");
        }
        double v = Cells.number(cell);
        boolean isNumber = !Double.isNaN(v);
        if (numbers.size() == 0) {
            firstIsNumber = isNumber;
            firstLine = line;
            firstFile = file;
            firstCell = cell.strip();
        }
        if (requested == TargetType.REGRESSION && !isNumber) {
            return "'" + cell + "' is not a number, but the target type is regression";
        }
        if (requested == null && isNumber != firstIsNumber) {
            return "mixed numbers and text in the target column: '" + cell + "' is " + (isNumber ? "a number" : "text")
                    + ", but the first target (line " + firstLine
                    + (java.util.Objects.equals(file, firstFile) ? "" : " of " + firstFile.getFileName()) + ") is " + (firstIsNumber ? "the number '"
                    : "the text label '") + firstCell + "'. Under automatic detection the target must be all numbers"
                    + " or all text labels; choose target type classification to read every value as a class label";
        }
        if (isNumber) {
            numbers.add(v);
            if (textCodes != null) {
                textCodes.add(-1);
            }
            return trackNumber(v, cell);
        }
        if (textCodes == null) {
            textCodes = new PrimitiveBuffers.Ints();
            for (int i = 0; i < numbers.size(); i++) {
                textCodes.add(-1);
            }
        }
        String label = cell.strip();
        Integer code = textLabels.get(label);
        if (code == null) {
            code = textLabels.size();
            textLabels.put(label, code);
            if (textLabels.size() + numberLabels.size() > MAX_LABELS) {
                return tooManyLabels();
            }
        }
        numbers.add(Double.NaN);
        textCodes.add(code);
        return null;
    }

    private String trackNumber(double v, String cell) {
        if (requested == TargetType.REGRESSION || manyNumbers) {
            return null;
        }
        Double key = v == 0 ? 0.0 : v; // -0 and 0 are one label
        if (!numberLabels.containsKey(key)) {
            numberLabels.put(key, cell.strip());
            if (requested == null && numberLabels.size() > 2 && textLabels.isEmpty()) {
                manyNumbers = true; // more than two numbers under auto: regression, stop counting
                numberLabels.clear();
            } else if (textLabels.size() + numberLabels.size() > MAX_LABELS) {
                return tooManyLabels();
            }
        }
        return null;
    }

    private static String tooManyLabels() {
        return "more than " + MAX_LABELS + " distinct class labels in the target column: is it a regression target?";
    }

    int rows() {
        return numbers.size();
    }

    /** Decides the type and the label list; call once, after the last row. */
    void finish() {
        boolean anyText = !textLabels.isEmpty();
        if (requested != null) {
            type = requested;
        } else if (anyText || (!manyNumbers && numberLabels.size() == 2)) {
            type = TargetType.CLASSIFICATION;
        } else {
            type = TargetType.REGRESSION;
        }
        if (type == TargetType.REGRESSION) {
            labels = List.of();
            return;
        }
        List<Object> keys = new ArrayList<>(numberLabels.keySet());
        keys.addAll(textLabels.keySet());
        if (anyText) {
            keys.sort(Comparator.comparing(k -> k instanceof Double d ? numberLabels.get(d) : (String) k));
        } else {
            keys.sort(Comparator.comparingDouble(k -> (Double) k));
        }
        labels = new ArrayList<>(keys.size());
        numberIndex = new HashMap<>();
        textIndex = new int[textLabels.size()];
        for (int i = 0; i < keys.size(); i++) {
            Object k = keys.get(i);
            if (k instanceof Double d) {
                labels.add(numberLabels.get(d));
                numberIndex.put(d, i);
            } else {
                labels.add((String) k);
                textIndex[textLabels.get(k)] = i;
            }
        }
        labels = List.copyOf(labels);
    }

    TargetType type() {
        return type;
    }

    boolean autoDetected() {
        return requested == null;
    }

    List<String> labels() {
        return labels;
    }

    /** The target of a row: the value (regression) or the label index (classification). */
    double y(int row) {
        double v = numbers.get(row);
        if (type == TargetType.REGRESSION) {
            return v;
        }
        if (Double.isNaN(v)) {
            return textIndex[textCodes.get(row)];
        }
        return numberIndex.get(v == 0 ? 0.0 : v);
    }
}
