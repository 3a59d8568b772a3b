package org.mtlworkbench.model.routing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How tasks are given components: learned gates, or one of the two fixed extremes used as comparisons. */
public enum Allocation {
    /** Per task and layer, a Bernoulli gate per component with a learned logit (the model of the paper). */
    LEARNED,
    /** Every task uses every component: one fully shared network (with task heads). */
    ALL_ON,
    /** One component per task in every layer (the number of components is set to T): independent networks. */
    INDEPENDENT;

    /** "learned", "all-on", "independent". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Allocation::id).toList();
    }

    public static Allocation of(String id) {
        for (Allocation a : values()) {
            if (a.id().equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown allocation '" + id + "'; known: " + ids());
    }
}
