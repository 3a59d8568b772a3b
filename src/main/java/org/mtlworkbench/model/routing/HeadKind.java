package org.mtlworkbench.model.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where the outputs come from. {@code TASK}: a linear head per task on the last routed layer. {@code ROUTED}: the
 * last routed layer's components produce the outputs themselves, so every output parameter is shared through the
 * allocation. A task head can undo any relabelling of the classes, so only {@code ROUTED} makes tasks with
 * permuted labels conflict (ALGORITHMS.md §8.7).
 */
public enum HeadKind {
    TASK,
    ROUTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(HeadKind::id).toList();
    }

    public static HeadKind of(String id) {
        for (HeadKind h : values()) {
            if (h.id().equals(id)) {
                return h;
            }
        }
        throw new IllegalArgumentException("unknown head '" + id + "'; known: " + ids());
    }
}
