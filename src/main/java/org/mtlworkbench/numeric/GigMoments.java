package org.mtlworkbench.numeric;

import org.hipparchus.special.Gamma;

/**
 * Moments of the generalised inverse Gaussian GIG(ω, χ, φ), density
 * (φ/χ)^{ω/2} / (2 K_ω(√(χφ))) · γ^{ω−1} exp(−½(χ/γ + φγ)), and its expected log density and entropy.
 *
 * <p>The boundary cases are handled as the limits they are, not by plugging tiny numbers into Bessel functions:
 * χ = 0 with ω &gt; 0 is Gamma(shape ω, rate φ/2); φ = 0 with ω &lt; 0 is inverse-Gamma(shape −ω, scale χ/2);
 * ω = χ = φ = 0 is the improper Jeffreys density 1/γ (log density −log γ, no moments).
 *
 * @param mean        ⟨γ⟩ (∞ where it does not exist)
 * @param meanInverse ⟨γ⁻¹⟩ (∞ where it does not exist)
 * @param meanLog     ⟨log γ⟩
 */
public record GigMoments(double mean, double meanInverse, double meanLog) {

    /** Moments of GIG(ω, χ, φ); χ, φ ≥ 0, and a proper density (see the class comment). */
    public static GigMoments of(double omega, double chi, double phi) {
        return switch (kind(omega, chi, phi)) {
            case GAMMA -> {
                double rate = phi / 2;
                yield new GigMoments(omega / rate, omega > 1 ? rate / (omega - 1) : Double.POSITIVE_INFINITY,
                        Gamma.digamma(omega) - Math.log(rate));
            }
            case INVERSE_GAMMA -> {
                double a = -omega;
                double b = chi / 2;
                yield new GigMoments(a > 1 ? b / (a - 1) : Double.POSITIVE_INFINITY, a / b,
                        Math.log(b) - Gamma.digamma(a));
            }
            case JEFFREYS -> throw new IllegalArgumentException("the improper prior 1/γ has no moments");
            case GENERAL -> {
                double z = Math.sqrt(chi * phi);
                double logEta = 0.5 * (Math.log(chi) - Math.log(phi));
                double eta = Math.exp(logEta);
                yield new GigMoments(eta * BesselK.ratioUp(omega, z), BesselK.ratioDown(omega, z) / eta,
                        logEta + BesselK.dLogKdNu(omega, z));
            }
        };
    }

    /**
     * E_q[log GIG(γ | ω, χ, φ)] when γ has moments {@code m} under q. For the Jeffreys case the log density is
     * −log γ up to its infinite normaliser.
     */
    public static double expectedLogDensity(double omega, double chi, double phi, GigMoments m) {
        double value = (omega - 1) * m.meanLog;
        // 0 · ∞ counts as 0: a term whose coefficient vanishes is absent from the density
        if (chi > 0) {
            value -= 0.5 * chi * m.meanInverse;
        }
        if (phi > 0) {
            value -= 0.5 * phi * m.mean;
        }
        return value + logNormaliser(omega, chi, phi);
    }

    /** log of the normalising constant of GIG(ω, χ, φ) (the factor in front of γ^{ω−1} e^{…}). */
    public static double logNormaliser(double omega, double chi, double phi) {
        return switch (kind(omega, chi, phi)) {
            case GAMMA -> omega * Math.log(phi / 2) - Gamma.logGamma(omega);
            case INVERSE_GAMMA -> -omega * Math.log(chi / 2) - Gamma.logGamma(-omega);
            case JEFFREYS -> 0.0;
            case GENERAL -> 0.5 * omega * (Math.log(phi) - Math.log(chi)) - Math.log(2)
                    - BesselK.logK(omega, Math.sqrt(chi * phi));
        };
    }

    /** Differential entropy of GIG(ω, χ, φ) (a proper case). */
    public static double entropy(double omega, double chi, double phi) {
        return -expectedLogDensity(omega, chi, phi, of(omega, chi, phi));
    }

    private enum Kind { GENERAL, GAMMA, INVERSE_GAMMA, JEFFREYS }

    private static Kind kind(double omega, double chi, double phi) {
        if (!(chi >= 0) || !(phi >= 0) || Double.isNaN(omega) || Double.isInfinite(chi) || Double.isInfinite(phi)) {
            throw new IllegalArgumentException("GIG needs chi >= 0 and phi >= 0, got omega=" + omega + ", chi="
                    + chi + ", phi=" + phi);
        }
        if (chi > 0 && phi > 0) {
            return Kind.GENERAL;
        }
        if (chi == 0 && phi > 0 && omega > 0) {
            return Kind.GAMMA;
        }
        if (phi == 0 && chi > 0 && omega < 0) {
            return Kind.INVERSE_GAMMA;
        }
        if (chi == 0 && phi == 0 && omega == 0) {
            return Kind.JEFFREYS;
        }
        throw new IllegalArgumentException("GIG(omega=" + omega + ", chi=" + chi + ", phi=" + phi
                + ") is not a proper density: chi = 0 needs omega > 0, phi = 0 needs omega < 0");
    }
}
