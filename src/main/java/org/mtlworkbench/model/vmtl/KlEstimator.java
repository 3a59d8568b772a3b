package org.mtlworkbench.model.vmtl;

import java.util.List;
import java.util.Locale;

/**
 * How the KL divergence from a posterior q to its Gumbel-softmax mixture prior Σᵢ αᵢ qᵢ is computed (no closed
 * form exists for a mixture).
 */
public enum KlEstimator {
    /**
     * Σᵢ αᵢ KL(q ‖ qᵢ): by convexity an upper bound on KL(q ‖ Σᵢ αᵢ qᵢ), so the loss stays a bound on the negative
     * ELBO (what the intsystems library computes). Its gradient on the mixing logits is the pairwise KL itself,
     * which is what teaches α which task is close. The default.
     */
    PAIRWISE,
    /**
     * KL(q ‖ N(m, v)) with the mixture's own first two moments, m = Σ αᵢ μᵢ and v = Σ αᵢ (σᵢ² + (μᵢ − m)²).
     * Neither a bound nor exact; smooth and cheap.
     */
    MOMENT,
    /**
     * The official code's single Gaussian: m = Σ αᵢ μᵢ and v = Σ αᵢ² σᵢ², the law of the α-weighted sum of the
     * neighbours, not their mixture (narrower, so the KL is larger). Kept for faithful reproduction.
     */
    OFFICIAL_SUM;

    /** Names used in parameters: "pairwise", "moment", "official-sum". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> ids() {
        return java.util.Arrays.stream(values()).map(KlEstimator::id).toList();
    }

    public static KlEstimator of(String id) {
        for (KlEstimator k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown KL estimator '" + id + "'; known: " + ids());
    }
}
