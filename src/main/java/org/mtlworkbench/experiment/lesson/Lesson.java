package org.mtlworkbench.experiment.lesson;

import org.mtlworkbench.experiment.setup.FieldProblem;
import org.mtlworkbench.experiment.setup.StrictJson;
import java.util.List;

/**
 * A guided lesson: a short sequence of steps, read from a JSON resource (see {@link LessonLibrary}).
 *
 * @param id      stable id, used by set-up files ({@code "task-clustering"})
 * @param title   shown in the Lessons menu
 * @param summary one or two sentences: what the class will see
 * @param steps   at least one
 */
public record Lesson(String id, String title, String summary, List<LessonStep> steps) implements StrictJson.Checked {
    public Lesson {
        steps = steps == null ? List.of() : List.copyOf(steps);
        summary = summary == null ? "" : summary;
    }

    @Override
    public void check() {
        FieldProblem.require(id, "$.id");
        if (!id.matches("[a-z0-9-]+")) {
            throw new FieldProblem("$.id", "lesson id \"" + id + "\" must be lower-case letters, digits and '-'");
        }
        FieldProblem.require(title, "$.title");
        if (steps.isEmpty()) {
            throw new FieldProblem("$.steps", "lesson \"" + id + "\" has no steps");
        }
        for (int i = 0; i < steps.size(); i++) {
            steps.get(i).check("$.steps[" + i + "]");
        }
        if (steps.get(0).setup() == null) {
            throw new FieldProblem("$.steps[0]", "the first step must have a \"setup\" (data and model)");
        }
    }

    public LessonStep step(int i) {
        return steps.get(i);
    }
}
