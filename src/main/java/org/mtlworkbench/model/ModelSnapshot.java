package org.mtlworkbench.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtlworkbench.relatedness.RelatednessView;

/**
 * What a model reports after a step: the loss terms it minimises (labelled as losses: for variational models
 * "negative ELBO", "likelihood", "KL(w)"…; for evidence-based models "negative log evidence"), scalars worth
 * plotting (τ, learning rate), its relatedness views, and its current state as a predictor so that the
 * runtime can compute metrics.
 *
 * @param step      1-based step or iteration number
 * @param losses    name → value, in display order; the first entry is the total that is minimised
 * @param scalars   name → value (τ, noise level, …)
 * @param views     relatedness at this step
 * @param current   the current state as a predictor, valid during the {@link FitContext#report} call only;
 *                  may be null when the model cannot predict mid-fit
 */
public record ModelSnapshot(int step, Map<String, Double> losses, Map<String, Double> scalars,
                            List<RelatednessView> views, FittedModel current) {

    public ModelSnapshot {
        losses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(losses));
        scalars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        views = List.copyOf(views);
    }

    /** The first loss term (the total), or NaN when there is none. */
    public double totalLoss() {
        return losses.isEmpty() ? Double.NaN : losses.values().iterator().next();
    }
}
