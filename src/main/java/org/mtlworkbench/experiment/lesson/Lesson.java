package org.mtlworkbench.experiment.lesson;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A guided lesson: a short sequence of steps, read from a JSON resource (see {@link LessonLibrary}).
 *
 * @param id      stable id, used by set-up files ({@code "task-clustering"})
 * @param title   shown in the Lessons menu
 * @param summary one or two sentences: what the class will see
 * @param steps   at least one
 */
public record Lesson(@JsonProperty(required = true) String id, @JsonProperty(required = true) String title,
                     String summary, @JsonProperty(required = true) List<LessonStep> steps) {
    public Lesson {
        if (!id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("lesson id \"" + id + "\" must be lower-case letters, digits and '-'");
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("lesson \"" + id + "\" has no steps");
        }
        steps = List.copyOf(steps);
        summary = summary == null ? "" : summary;
    }

    public LessonStep step(int i) {
        return steps.get(i);
    }
}
