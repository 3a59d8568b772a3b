package org.mtlworkbench.model.sparse;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.special.Gamma;
import org.mtlworkbench.numeric.Cholesky;
import org.mtlworkbench.numeric.GigMoments;
import org.mtlworkbench.numeric.Linalg;
import org.mtlworkbench.numeric.SymmetricEigen;

/**
 * All variational factors and hyper-parameters of the sparse Bayesian MTL model and their closed-form
 * coordinate updates (ALGORITHMS.md §4.3–4.5). Every update maximises the ELBO in its own factor (or
 * hyper-parameter) with the others held, so the ELBO never decreases.
 *
 * <p>Shapes: W is P×D (tasks × features, features in grouped order), V is P×K, Z = [Z_1 … Z_Q] is K×D.
 * q(V) = Π_p N(v_p | M_V[p], C_V); q(Z_i) = MN(M_Zi, S_Z, C_Zi); q(Ω_i⁻¹) = Wishart(ν'_i, Ψ_i);
 * q(γ_i) = GIG(ω'_i, χ'_i, φ'_i). Covariances are stored as they were set, so that a later change of τ does not
 * silently change a factor (which would break monotonicity).
 *
 * <p>Two deliberate departures from §4.1, both measured on the block-sparse scenario (docs/decisions/0070):
 * V ~ MN(0, I_P, I_K) instead of MN(0, τI_P, I_K) — tied to τ, the shared part VVᵀ of Σ = VVᵀ + τI could not
 * grow beyond the scale of the task-specific part τI, and the planted ±1 correlations came out at 0.4–0.5 (with
 * a weak Wishart) or near 0; Z_i ~ MN(0, I_K, γ_i⁻¹Ω_i) still carries the group's scale, so Σ = VVᵀ + τI is
 * unchanged as the marginal row covariance of W_i. And the Wishart prior's dof is set above the bound at which
 * γ_i and Ω_i stop trading scale ({@link #wishartDof}).
 */
final class VariationalState {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    final TaskData data;
    final int p;
    final int d;
    final int k;
    final int q;
    final int[] off;
    final int[] size;
    final boolean dual;

    WFactor w;
    DMatrixRMaj mz;
    DMatrixRMaj sz;
    double logDetSz;
    DMatrixRMaj[] cz;
    double[] logDetCz;
    DMatrixRMaj mv;
    DMatrixRMaj cv;
    double logDetCv;
    /** Wishart prior: dof ν_i and E[Ω_i⁻¹] = I (scale I/ν_i). */
    final double[] nu0;
    double[] lamDof;
    DMatrixRMaj[] lamScale;
    double[] lamScaleLogDet;
    DMatrixRMaj[] lamMean;
    double[] lamLogDetMean;
    double[] gOmega;
    double[] gChi;
    double[] gPhi;
    GigMoments[] gm;
    double sigma2;
    double tau;
    final GigPrior prior;

    VariationalState(TaskData data, int[] off, int rank, GigPrior prior, double wishartStrength, boolean dual) {
        this.data = data;
        this.p = data.tasks;
        this.d = data.features;
        this.k = rank;
        this.q = off.length - 1;
        this.off = off.clone();
        this.size = new int[q];
        this.prior = prior;
        this.dual = dual;
        nu0 = new double[q];
        lamDof = new double[q];
        lamScale = new DMatrixRMaj[q];
        lamScaleLogDet = new double[q];
        lamMean = new DMatrixRMaj[q];
        lamLogDetMean = new double[q];
        cz = new DMatrixRMaj[q];
        logDetCz = new double[q];
        gOmega = new double[q];
        gChi = new double[q];
        gPhi = new double[q];
        gm = new GigMoments[q];
        for (int g = 0; g < q; g++) {
            size[g] = off[g + 1] - off[g];
            nu0[g] = wishartDof(size[g], p, k, wishartStrength);
            lamMean[g] = CommonOps_DDRM.identity(size[g]);
            cz[g] = CommonOps_DDRM.identity(size[g]);
            gm[g] = new GigMoments(1, 1, 0);
        }
        cv = CommonOps_DDRM.identity(k);
        sz = CommonOps_DDRM.identity(k);
        sigma2 = 0.5;
        tau = 1;
        initialiseFactors();
    }

    /**
     * V and Z from the principal directions of a ridge fit, not small random values: with W₀ = U S Rᵀ (SVD, top K
     * from the eigenvectors of W₀W₀ᵀ), V = U_K S_K^½ and Z = S_K^½ R_Kᵀ = S_K^-½ U_Kᵀ W₀, so VZ starts as the best
     * rank-K part of W₀, split evenly between the unit prior of V and the prior of Z. Deterministic (no seed), and
     * never at V = 0, where q(V) would stay (ALGORITHMS.md §4.8); on the block-sparse scenario it ends where a small
     * random start ends, a little sooner.
     * W₀ is the q(W) mean under the starting moments (γ_i = 1, Ω_i⁻¹ = I, τ = 1) with a zero prior mean.
     */
    private void initialiseFactors() {
        mv = new DMatrixRMaj(p, k);
        mz = new DMatrixRMaj(k, d);
        updateW();
        DMatrixRMaj wwt = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransB(w.mean, w.mean, wwt);
        SymmetricEigen eig = Linalg.eigenSymmetric(wwt);
        for (int c = 0; c < k; c++) {
            double s = Math.sqrt(Math.max(eig.values()[c], 0));
            if (s < 1e-12) {
                continue;
            }
            double root = Math.sqrt(s);
            double[] u = eig.vector(c);
            for (int t = 0; t < p; t++) {
                mv.set(t, c, u[t] * root);
            }
            for (int j = 0; j < d; j++) {
                double dot = 0;
                for (int t = 0; t < p; t++) {
                    dot += u[t] * w.mean.get(t, j);
                }
                mz.set(c, j, dot / root);
            }
        }
    }

    /**
     * Prior dof of the Wishart on Ω_i⁻¹ (mean I): ν_i = D_i + 1 + (1 + c)(P + K)(D_i − 1). γ_i and Ω_i trade
     * scale; when a group's weights are rank one across tasks (as W_i = V Z_i makes them), the coordinate updates
     * shrink ⟨Ω_i⁻¹⟩ along the weights without bound unless ν_i &gt; (P + K)(D_i − 1), and ⟨γ_i⟩ then reports the
     * group's smallest direction instead of its scale. Above the bound ⟨Ω_i⁻¹⟩ along the weights settles at
     * c/(1 + c) of its prior mean (groups of 2), so ⟨γ_i⟩ carries the group's scale.
     */
    static double wishartDof(int groupSize, int tasks, int rank, double strength) {
        return groupSize + 1 + (1 + strength) * (tasks + rank) * (groupSize - 1.0);
    }

    /** One sweep of variational EM: every factor, then σ², τ and the GIG prior. */
    void sweep(boolean learnPrior) {
        updateW();
        updateZ();
        updateV();
        updateLambda();
        updateGamma();
        updateNoise();
        updateTau();
        if (learnPrior) {
            updatePrior();
        }
    }

    double[] gammaMeans() {
        double[] out = new double[q];
        for (int g = 0; g < q; g++) {
            out[g] = gm[g].mean();
        }
        return out;
    }

    // ---------------------------------------------------------------- factor updates

    void updateW() {
        DMatrixRMaj prior = new DMatrixRMaj(p, d);
        CommonOps_DDRM.mult(mv, mz, prior);
        w = WFactor.update(data, off, gammaMeans(), lamMean, tau, sigma2, prior, dual);
    }

    void updateZ() {
        DMatrixRMaj vtv = vtv();
        DMatrixRMaj prec = CommonOps_DDRM.identity(k);
        CommonOps_DDRM.addEquals(prec, 1.0 / tau, vtv);
        Cholesky f = Linalg.cholesky(prec);
        sz = f.inverse();
        logDetSz = -f.logDet();
        DMatrixRMaj vtw = new DMatrixRMaj(k, d);
        CommonOps_DDRM.multTransA(mv, w.mean, vtw);
        mz = new DMatrixRMaj(k, d);
        CommonOps_DDRM.mult(1.0 / tau, sz, vtw, mz);
        for (int g = 0; g < q; g++) {
            DMatrixRMaj b = lamMean[g].copy();
            CommonOps_DDRM.scale(gm[g].mean(), b);
            Cholesky c = Linalg.cholesky(b);
            cz[g] = c.inverse();
            logDetCz[g] = -c.logDet();
        }
    }

    /**
     * q(V): rows independent with precision I + Σ_i ⟨γ_i⟩⟨Z_i Ω_i⁻¹ Z_iᵀ⟩/τ and mean (Σ_i ⟨γ_i⟩⟨W_i⟩⟨Ω_i⁻¹⟩⟨Z_i⟩ᵀ/τ) C_V.
     * The prior is V ~ MN(0, I_P, I_K), not the paper's MN(0, τI_P, I_K): see the class comment.
     */
    void updateV() {
        DMatrixRMaj prec = new DMatrixRMaj(k, k);
        DMatrixRMaj rhs = new DMatrixRMaj(p, k);
        for (int g = 0; g < q; g++) {
            double gamma = gm[g].mean();
            DMatrixRMaj zg = zBlock(g);
            DMatrixRMaj zl = new DMatrixRMaj(k, size[g]);
            CommonOps_DDRM.mult(zg, lamMean[g], zl);
            // E[Z_i L Z_iᵀ] = M L Mᵀ + S_Z tr(L C_Zi)
            DMatrixRMaj zlz = new DMatrixRMaj(k, k);
            CommonOps_DDRM.multTransB(zl, zg, zlz);
            CommonOps_DDRM.addEquals(zlz, WFactor.traceOfProduct(lamMean[g], cz[g]), sz);
            CommonOps_DDRM.addEquals(prec, gamma, zlz);
            DMatrixRMaj wg = CommonOps_DDRM.extract(w.mean, 0, p, off[g], off[g + 1]);
            CommonOps_DDRM.multAddTransB(gamma, wg, zl, rhs);
        }
        CommonOps_DDRM.scale(1.0 / tau, prec);
        for (int i = 0; i < k; i++) {
            prec.add(i, i, 1.0);
        }
        Cholesky f = Linalg.cholesky(prec);
        cv = f.inverse();
        logDetCv = -f.logDet();
        mv = new DMatrixRMaj(p, k);
        CommonOps_DDRM.mult(1.0 / tau, rhs, cv, mv);
    }

    void updateLambda() {
        for (int g = 0; g < q; g++) {
            Quadratics qd = quadratics(g);
            DMatrixRMaj prec = CommonOps_DDRM.identity(size[g]);
            CommonOps_DDRM.scale(nu0[g], prec); // Λ_0⁻¹ = ν_i I
            DMatrixRMaj t = qd.ee.copy();
            CommonOps_DDRM.scale(1.0 / tau, t);
            CommonOps_DDRM.addEquals(t, qd.zz);
            CommonOps_DDRM.addEquals(prec, gm[g].mean(), t);
            Cholesky f = Linalg.cholesky(prec);
            lamDof[g] = nu0[g] + p + k;
            lamScale[g] = f.inverse();
            lamScaleLogDet[g] = -f.logDet();
            lamMean[g] = lamScale[g].copy();
            CommonOps_DDRM.scale(lamDof[g], lamMean[g]);
            lamLogDetMean[g] = wishartLogDetMean(lamDof[g], size[g], lamScaleLogDet[g]);
        }
    }

    void updateGamma() {
        for (int g = 0; g < q; g++) {
            Quadratics qd = quadratics(g);
            double trace = WFactor.traceOfProduct(lamMean[g], qd.ee) / tau
                    + WFactor.traceOfProduct(lamMean[g], qd.zz);
            gOmega[g] = prior.omegaFor(size[g]) + (p + k) * size[g] / 2.0;
            gChi[g] = prior.chi;
            gPhi[g] = prior.phi + trace;
            gm[g] = GigMoments.of(gOmega[g], gChi[g], gPhi[g]);
        }
    }

    void updateNoise() {
        sigma2 = residualSum() / data.totalRows();
    }

    /** τ = Σ_i ⟨γ_i⟩ tr(⟨Ω_i⁻¹⟩⟨E_iᵀE_i⟩) / (P·D): only the residual W − VZ carries τ (V has a unit prior). */
    void updateTau() {
        double s = 0;
        for (int g = 0; g < q; g++) {
            s += gm[g].mean() * WFactor.traceOfProduct(lamMean[g], quadratics(g).ee);
        }
        tau = s / ((double) p * d);
    }

    void updatePrior() {
        prior.fit(gm, size);
    }

    // ---------------------------------------------------------------- expectations

    /** ⟨VᵀV⟩ = M_VᵀM_V + P C_V. */
    DMatrixRMaj vtv() {
        DMatrixRMaj out = new DMatrixRMaj(k, k);
        CommonOps_DDRM.multTransA(mv, mv, out);
        CommonOps_DDRM.addEquals(out, p, cv);
        return out;
    }

    DMatrixRMaj zBlock(int g) {
        return CommonOps_DDRM.extract(mz, 0, k, off[g], off[g + 1]);
    }

    /** ⟨E_iᵀE_i⟩ with E_i = W_i − V Z_i, and ⟨Z_iᵀZ_i⟩, both D_i × D_i. */
    record Quadratics(DMatrixRMaj ee, DMatrixRMaj zz) {
    }

    Quadratics quadratics(int g) {
        DMatrixRMaj wg = CommonOps_DDRM.extract(w.mean, 0, p, off[g], off[g + 1]);
        DMatrixRMaj zg = zBlock(g);
        int n = size[g];
        DMatrixRMaj ee = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(wg, wg, ee);
        CommonOps_DDRM.addEquals(ee, w.sumBlocks[g]);
        DMatrixRMaj vz = new DMatrixRMaj(p, n);
        CommonOps_DDRM.mult(mv, zg, vz);
        DMatrixRMaj cross = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(wg, vz, cross);
        DMatrixRMaj crossT = new DMatrixRMaj(n, n);
        CommonOps_DDRM.transpose(cross, crossT);
        CommonOps_DDRM.subtractEquals(ee, cross);
        CommonOps_DDRM.subtractEquals(ee, crossT);
        DMatrixRMaj vtv = vtv();
        DMatrixRMaj gz = new DMatrixRMaj(k, n);
        CommonOps_DDRM.mult(vtv, zg, gz);
        DMatrixRMaj zgz = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(zg, gz, zgz);
        CommonOps_DDRM.addEquals(zgz, WFactor.traceOfProduct(vtv, sz), cz[g]);
        CommonOps_DDRM.addEquals(ee, zgz);
        DMatrixRMaj zz = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multTransA(zg, zg, zz);
        CommonOps_DDRM.addEquals(zz, CommonOps_DDRM.trace(sz), cz[g]);
        return new Quadratics(ee, zz);
    }

    /** Σ_p E‖y_p − X_p w_p‖² = Σ_p (y_pᵀy_p − 2 m_pᵀX_pᵀy_p + m_pᵀX_pᵀX_p m_p) + Σ_p tr(X_pᵀX_p S_p). */
    double residualSum() {
        double r = w.traceGramCov;
        double[] m = new double[d];
        for (int t = 0; t < p; t++) {
            for (int j = 0; j < d; j++) {
                m[j] = w.mean.get(t, j);
            }
            double cross = 0;
            for (int j = 0; j < d; j++) {
                cross += m[j] * data.xty.get(j, t);
            }
            r += data.yty[t] - 2 * cross + WFactor.quadratic(data.gram(t), m);
        }
        return r;
    }

    static double wishartLogDetMean(double dof, int n, double logDetScale) {
        double s = n * Math.log(2) + logDetScale;
        for (int j = 1; j <= n; j++) {
            s += Gamma.digamma((dof + 1 - j) / 2);
        }
        return s;
    }

    static double logMultiGamma(double a, int n) {
        double s = n * (n - 1) / 4.0 * Math.log(Math.PI);
        for (int j = 1; j <= n; j++) {
            s += Gamma.logGamma(a + (1 - j) / 2.0);
        }
        return s;
    }

    // ---------------------------------------------------------------- ELBO

    ElboTerms elbo() {
        int n = data.totalRows();
        double lik = -0.5 * n * (LOG_2PI + Math.log(sigma2)) - residualSum() / (2 * sigma2);
        DMatrixRMaj vtv = vtv();
        double priors = -0.5 * p * k * LOG_2PI - CommonOps_DDRM.trace(vtv) / 2;
        double entropy = 0.5 * (p * d * (LOG_2PI + 1) + w.sumLogDet)
                + 0.5 * p * (k * (LOG_2PI + 1) + logDetCv);
        for (int g = 0; g < q; g++) {
            int di = size[g];
            Quadratics qd = quadratics(g);
            double gamma = gm[g].mean();
            double logGamma = gm[g].meanLog();
            double trEE = WFactor.traceOfProduct(lamMean[g], qd.ee);
            double trZZ = WFactor.traceOfProduct(lamMean[g], qd.zz);
            priors += -0.5 * p * di * (LOG_2PI + Math.log(tau)) + 0.5 * p * di * logGamma
                    + 0.5 * p * lamLogDetMean[g] - gamma * trEE / (2 * tau);
            priors += -0.5 * k * di * LOG_2PI + 0.5 * k * di * logGamma + 0.5 * k * lamLogDetMean[g]
                    - gamma * trZZ / 2;
            // Wishart(ν, I/ν): log|Λ_0| = −D_i log ν
            double nu = nu0[g];
            priors += 0.5 * (nu - di - 1) * lamLogDetMean[g] - 0.5 * nu * CommonOps_DDRM.trace(lamMean[g])
                    - 0.5 * nu * di * Math.log(2) + 0.5 * nu * di * Math.log(nu) - logMultiGamma(nu / 2, di);
            priors += prior.expectedLogDensity(di, gm[g]);
            double dof = lamDof[g];
            entropy -= 0.5 * (dof - di - 1) * lamLogDetMean[g] - 0.5 * dof * di - 0.5 * dof * di * Math.log(2)
                    - 0.5 * dof * lamScaleLogDet[g] - logMultiGamma(dof / 2, di);
            entropy += GigMoments.entropy(gOmega[g], gChi[g], gPhi[g]);
            entropy += 0.5 * (k * di * (LOG_2PI + 1) + di * logDetSz + k * logDetCz[g]);
        }
        return new ElboTerms(lik, priors, entropy);
    }
}
