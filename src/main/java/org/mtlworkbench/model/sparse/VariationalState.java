package org.mtlworkbench.model.sparse;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.special.Gamma;
import org.mtlworkbench.numeric.GigMoments;

/**
 * All variational factors and hyper-parameters of the sparse Bayesian MTL model and their closed-form
 * coordinate updates (ALGORITHMS.md §4.3–4.5). Every update maximises the ELBO in its own factor (or
 * hyper-parameter) with the others held, so the ELBO never decreases.
 *
 * <p>Shapes: W is P×D (tasks × features, features in grouped order), V is P×K, Z = [Z_1 … Z_Q] is K×D.
 * q(V) = Π_p N(v_p | M_V[p], C_V); q(Z_i) = MN(M_Zi, S_Z, C_Zi); q(Ω_i⁻¹) = Wishart(ν'_i, Ψ_i);
 * q(γ_i) = GIG(ω'_i, χ'_i, φ'_i). Covariances are stored as they were set, so that a later change of τ does not
 * silently change a factor (which would break monotonicity).
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

    VariationalState(TaskData data, int[] off, int rank, GigPrior prior, double wishartExtraDof, boolean dual,
                     SplittableRandom rng) {
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
            nu0[g] = size[g] - 1 + wishartExtraDof;
            lamMean[g] = CommonOps_DDRM.identity(size[g]);
            cz[g] = CommonOps_DDRM.identity(size[g]);
            gm[g] = new GigMoments(1, 1, 0);
        }
        // small random V and Z: at zero, q(V) would stay at zero (ALGORITHMS.md §4.8)
        mv = new DMatrixRMaj(p, k);
        mz = new DMatrixRMaj(k, d);
        for (int i = 0; i < mv.data.length; i++) {
            mv.data[i] = 0.1 * gaussian(rng);
        }
        for (int i = 0; i < mz.data.length; i++) {
            mz.data[i] = 0.1 * gaussian(rng);
        }
        cv = CommonOps_DDRM.identity(k);
        CommonOps_DDRM.scale(0.01, cv);
        sz = CommonOps_DDRM.identity(k);
        sigma2 = 0.5;
        tau = 1;
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
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
        Spd f = Spd.of(prec);
        sz = f.inverse;
        logDetSz = -f.logDet;
        DMatrixRMaj vtw = new DMatrixRMaj(k, d);
        CommonOps_DDRM.multTransA(mv, w.mean, vtw);
        mz = new DMatrixRMaj(k, d);
        CommonOps_DDRM.mult(1.0 / tau, sz, vtw, mz);
        for (int g = 0; g < q; g++) {
            DMatrixRMaj b = lamMean[g].copy();
            CommonOps_DDRM.scale(gm[g].mean(), b);
            Spd c = Spd.of(b);
            cz[g] = c.inverse;
            logDetCz[g] = -c.logDet;
        }
    }

    void updateV() {
        DMatrixRMaj prec = CommonOps_DDRM.identity(k);
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
        Spd f = Spd.of(prec);
        mv = new DMatrixRMaj(p, k);
        CommonOps_DDRM.mult(rhs, f.inverse, mv);
        cv = f.inverse.copy();
        CommonOps_DDRM.scale(tau, cv);
        logDetCv = k * Math.log(tau) - f.logDet;
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
            Spd f = Spd.of(prec);
            lamDof[g] = nu0[g] + p + k;
            lamScale[g] = f.inverse;
            lamScaleLogDet[g] = -f.logDet;
            lamMean[g] = f.inverse.copy();
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

    void updateTau() {
        double s = CommonOps_DDRM.trace(vtv());
        for (int g = 0; g < q; g++) {
            s += gm[g].mean() * WFactor.traceOfProduct(lamMean[g], quadratics(g).ee);
        }
        tau = s / ((double) p * (d + k));
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
        double priors = -0.5 * p * k * (LOG_2PI + Math.log(tau)) - CommonOps_DDRM.trace(vtv) / (2 * tau);
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
