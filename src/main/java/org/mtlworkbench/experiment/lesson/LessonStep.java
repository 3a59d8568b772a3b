package org.mtlworkbench.experiment.lesson;

import org.mtlworkbench.experiment.setup.FieldProblem;
import org.mtlworkbench.experiment.setup.Setup;

/**
 * One step of a lesson.
 *
 * @param title       a few words
 * @param text        what to say (plain text; blank lines separate paragraphs)
 * @param equation    the key equation in LaTeX (rendered by JLaTeXMath), or null
 * @param instruction "do this, watch that"
 * @param setup       the data, model, parameters, seed and hidden controls this step puts in place, or null to keep
 *                    the previous step's
 * @param claim       what the class should see, checked on the model's output, or null
 */
public record LessonStep(String title, String text, String equation, String instruction, Setup setup, Claim claim) {

    void check(String at) {
        FieldProblem.require(title, at + ".title");
        FieldProblem.require(text, at + ".text");
        if (setup != null) {
            setup.check(at + ".setup");
        }
        if (claim != null) {
            claim.check(at + ".claim");
        }
    }
}
