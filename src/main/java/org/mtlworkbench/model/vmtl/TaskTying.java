package org.mtlworkbench.model.vmtl;

import java.util.List;
import java.util.Locale;

/**
 * How tightly the tasks are tied: {@code loose} is the settings as given (by default tempered KL weights, so each
 * task's encoder head is in effect its own), {@code tight} the true ELBO with the classifiers also reading the
 * inputs ({@link VmtlSettings#tight()}), {@code guarded} every task starting on the null component, borrowing only
 * where another task's posterior turns out closer ({@link VmtlSettings#guarded()}; for conflicting tasks),
 * {@code auto} picks one of the three per fit on held-out training rows ({@link TyingSelection}). See decisions 0034
 * and 0038.
 */
enum TaskTying {
    AUTO, LOOSE, TIGHT, GUARDED;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static List<String> ids() {
        return List.of(AUTO.id(), LOOSE.id(), TIGHT.id(), GUARDED.id());
    }

    static TaskTying of(String id) {
        for (TaskTying t : values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task tying '" + id + "', expected one of " + ids());
    }
}
