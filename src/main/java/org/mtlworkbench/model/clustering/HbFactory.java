package org.mtlworkbench.model.clustering;

import java.util.ArrayList;
import java.util.List;
import org.mtlworkbench.data.TargetType;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.model.MultiTaskModel;
import org.mtlworkbench.model.ParamSpec;
import org.mtlworkbench.model.ParamValues;

/**
 * The Bakker &amp; Heskes (2003) family: a shared feature map h = [g(W x); 1], a Gaussian likelihood with one noise
 * level, task weights A_i integrated out under one of four nested priors, hyper-parameters by empirical Bayes.
 * Regression only. Each prior is its own registered factory (subclasses below) so the model picker lists all four.
 */
public abstract class HbFactory implements ModelFactory {

    static final String REFERENCE = "B. Bakker and T. Heskes, Task clustering and gating for Bayesian multitask "
            + "learning, Journal of Machine Learning Research 4:83–99, 2003";

    private final HbVariant variant;

    HbFactory(HbVariant variant) {
        this.variant = variant;
    }

    @Override
    public final String id() {
        return variant.id;
    }

    @Override
    public final String reference() {
        return REFERENCE;
    }

    @Override
    public final boolean supports(TargetType type) {
        return type == TargetType.REGRESSION;
    }

    @Override
    public final List<ParamSpec> params() {
        List<ParamSpec> p = new ArrayList<>();
        p.add(ParamSpec.ofInt("hidden", 4, 1, 500, "hidden units H of the shared feature map h = [g(Wx); 1]"));
        p.add(ParamSpec.ofChoice("activation", "none", Activation.ids(),
                "g: tanh, linear, or none (h = [x; 1]: a linear hierarchical model, W not learned)"));
        if (variant.mixture) {
            p.add(ParamSpec.ofInt("clusters", 2, 2, 50, "number of task clusters K"));
        }
        p.add(ParamSpec.ofInt("iterations", 100, 1, 100_000, "most EM steps (after restart screening)"));
        p.add(ParamSpec.ofDouble("tolerance", 1e-5, 0, 1,
                "stop when an EM step raises the objective by less than tolerance·(1 + |objective|)")
                .withLogScale());
        p.add(ParamSpec.ofInt("inner-steps", 6, 0, 1000, "L-BFGS steps on W and σ per EM step"));
        p.add(ParamSpec.ofInt("restarts", 3, 1, 100, "random restarts; the one with the best evidence is kept"));
        p.add(ParamSpec.ofInt("screen-steps", 15, 1, 10_000, "EM steps each restart runs before the best is kept"));
        p.add(ParamSpec.ofDouble("cov-prior", 0.01, 1e-8, 100,
                "ψ of the inverse-Wishart-type prior on each Σ_α (floor against collapse), target units²")
                .withLogScale());
        p.add(ParamSpec.ofDouble("noise-floor", 0.01, 0, 10,
                "smallest noise standard deviation σ, in standard deviations of the target"));
        if (variant.gate) {
            p.add(ParamSpec.ofDouble("gate-l2", 0.01, 0, 100, "L2 penalty on the gate weights U").withLogScale());
        }
        return p;
    }

    @Override
    public final MultiTaskModel create(ParamValues values) {
        return new HbModel(HbSettings.from(variant, values));
    }

    /** Single Gaussian prior A_i ~ N(m, Σ): hierarchical Bayes / mixed effects on learned features. */
    public static final class Single extends HbFactory {
        public Single() {
            super(HbVariant.SINGLE);
        }

        @Override
        public String displayName() {
            return "Hierarchical Bayes, single Gaussian prior (Bakker & Heskes)";
        }

        @Override
        public String description() {
            return "Shared features, task weights drawn from one Gaussian N(m, Σ) learned by empirical Bayes; "
                    + "regression only.";
        }
    }

    /** A_i ~ N(M f_i, Σ): the prior mean follows the task features. */
    public static final class DependentMean extends HbFactory {
        public DependentMean() {
            super(HbVariant.DEPENDENT_MEAN);
        }

        @Override
        public String displayName() {
            return "Hierarchical Bayes, task-feature-dependent mean (Bakker & Heskes)";
        }

        @Override
        public String description() {
            return "Like hb-single, but each task's prior mean is a linear map of its task features; needs a "
                    + "task-feature table; regression only.";
        }
    }

    /** A_i ~ Σ_α q_α N(m_α, Σ_α): task clustering. */
    public static final class Clustering extends HbFactory {
        public Clustering() {
            super(HbVariant.CLUSTERING);
        }

        @Override
        public String displayName() {
            return "Task clustering (Bakker & Heskes)";
        }

        @Override
        public String description() {
            return "Task weights from a mixture of K Gaussians: finds clusters of similar tasks (soft "
                    + "responsibilities, co-assignment matrix); regression only.";
        }
    }

    /** A_i ~ Σ_α softmax(U f_i)_α N(m_α, Σ_α): task gating. */
    public static final class Gating extends HbFactory {
        public Gating() {
            super(HbVariant.GATING);
        }

        @Override
        public String displayName() {
            return "Task gating (Bakker & Heskes)";
        }

        @Override
        public String description() {
            return "Task clustering whose cluster probabilities follow the task features through a softmax gate, "
                    + "so a new task's cluster can be guessed from its features; needs a task-feature table; "
                    + "regression only.";
        }
    }
}
