package org.mtlworkbench.experiment.lesson;

import java.util.Locale;

/**
 * The outcome of checking a claim.
 *
 * @param passed    whether the model's output shows what the lesson says
 * @param measured  the measured value
 * @param threshold what it was compared with
 * @param atMost    true when the measured value must be at most the threshold, false for at least
 * @param detail    what was measured, in words
 */
public record ClaimResult(boolean passed, double measured, double threshold, boolean atMost, String detail) {

    static ClaimResult atLeast(double measured, double threshold, String detail) {
        return new ClaimResult(measured >= threshold, measured, threshold, false, detail);
    }

    static ClaimResult atMost(double measured, double threshold, String detail) {
        return new ClaimResult(measured <= threshold, measured, threshold, true, detail);
    }

    public String summary() {
        return String.format(Locale.ROOT, "%s: %s = %.3f (needs %s %.3f)", passed ? "✔ seen" : "✘ not seen", detail,
                measured, atMost ? "≤" : "≥", threshold);
    }
}
