package org.mtlworkbench.model;

import java.util.List;
import org.mtlworkbench.data.TargetType;

/**
 * A model family, found through {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/org.mtlworkbench.model.ModelFactory}), so the GUI's picker, the CLI's {@code --model}
 * and the tests enumerate the same list.
 */
public interface ModelFactory {

    /** Stable identifier used on the command line and in experiment files, e.g. "independent". */
    String id();

    /** Name for menus, e.g. "Independent Bayesian regression". */
    String displayName();

    /** One line: what it does and when to use it. */
    String description();

    /** Bibliographic reference, or "" for baselines. */
    default String reference() {
        return "";
    }

    List<ParamSpec> params();

    boolean supports(TargetType type);

    MultiTaskModel create(ParamValues values);

    default ParamValues defaults() {
        return ParamValues.defaults(params());
    }
}
