package org.mtlworkbench.model.clustering;

/**
 * The four nested priors on the task weights A_i of Bakker &amp; Heskes (2003): what the prior mean depends on,
 * whether there are several components and what weighs them.
 */
enum HbVariant {
    /** A_i ~ N(m, Σ). */
    SINGLE("hb-single", false, false, false),
    /** A_i ~ N(M f_i, Σ) with task features f_i. */
    DEPENDENT_MEAN("hb-dependent-mean", true, false, false),
    /** A_i ~ Σ_α q_α N(m_α, Σ_α). */
    CLUSTERING("clustering", false, true, false),
    /** A_i ~ Σ_α q_iα N(m_α, Σ_α), q_iα = softmax(U f_i)_α. */
    GATING("gating", false, true, true);

    final String id;
    /** The prior mean is a linear map of the task features. */
    final boolean featureMean;
    /** A mixture of several Gaussians (the number is a parameter). */
    final boolean mixture;
    /** The mixture weights depend on the task features through a softmax gate. */
    final boolean gate;

    HbVariant(String id, boolean featureMean, boolean mixture, boolean gate) {
        this.id = id;
        this.featureMean = featureMean;
        this.mixture = mixture;
        this.gate = gate;
    }

    boolean needsTaskFeatures() {
        return featureMean || gate;
    }
}
