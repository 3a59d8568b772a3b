package org.mtlworkbench.model.sparse;

import java.util.Arrays;
import java.util.List;

/**
 * The named special cases of the GIG(ω, χ, φ) prior on the group precisions γ_i (ALGORITHMS.md §4.2), each
 * implemented as its exact limit rather than by plugging small numbers into the general case.
 */
enum PriorPreset {
    /** All three of ω, χ, φ learned. */
    GENERAL("general-gig"),
    /** χ = 0, ω &gt; 0: γ ~ Gamma(ω, rate φ/2), W_i matrix-variate Student-t with 2ω degrees of freedom. */
    STUDENT_T("student-t"),
    /** φ = 0, ω_i = −(P·D_i + 1)/2, χ = λ²: p(W_i) ∝ exp(−λ √tr(Ω_i⁻¹W_iᵀΣ⁻¹W_i)), a group lasso. */
    LAPLACE("laplace"),
    /** ω = χ = φ = 0: the improper p(γ) ∝ 1/γ, automatic relevance determination. Nothing to learn. */
    ARD("ard"),
    /** ω = −½: normal-inverse-Gaussian; χ and φ learned. */
    NIG("nig");

    final String id;

    PriorPreset(String id) {
        this.id = id;
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(p -> p.id).toList();
    }

    static PriorPreset of(String id) {
        for (PriorPreset p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown prior '" + id + "'; known: " + ids());
    }
}
