package org.mtlworkbench.model.sparse;

/**
 * The evidence lower bound split into its parts (ALGORITHMS.md §4.6).
 *
 * @param likelihood E[log p(Y | W)]
 * @param priors     Σ_i E[log p(W_i | V, Z_i, γ_i, Ω_i)] + E[log p(Z_i | γ_i, Ω_i)] + E[log p(Ω_i⁻¹)]
 *                   + E[log p(γ_i)], plus E[log p(V)]
 * @param entropy    the entropies of q(W), q(V), q(Z_i), q(Ω_i⁻¹), q(γ_i)
 */
record ElboTerms(double likelihood, double priors, double entropy) {

    double total() {
        return likelihood + priors + entropy;
    }

    /** KL(q ‖ prior) = −(priors + entropy). */
    double kl() {
        return -(priors + entropy);
    }
}
