package org.mtlworkbench.model.vmtl;

import java.util.List;
import java.util.Locale;

/**
 * The weights λ_w (classifier KL) and λ_z (representation KL) as functions of the step. The loss of task t is
 * NLL_t + λ_z·KL(z)_t + λ_w·KL(w)_t with the likelihood and KL(z) summed over the task's rows (scaled from the batch
 * to the whole task), so λ = 1 is the true negative ELBO.
 */
public enum KlSchedule {
    /** λ_w and λ_z fixed at their configured values. */
    CONSTANT,
    /** Both rise linearly from 0 to their configured values over the warm-up steps, then stay (the default). */
    WARMUP,
    /**
     * The official code's preset, translated to this loss scale: its loss is mean cross-entropy + β_w·KL_w +
     * η_z·mean KL_z with η_z = 1e−7 fixed and β_w growing by 1e−6 for each of its 4 task updates every 10
     * iterations (≈ 6e−3 after 15,000 iterations). Our likelihood is summed over the N_t rows, so
     * λ_z = 1e−7 and λ_w = N_t·β_w (applied per task). The configured weights are ignored.
     */
    OFFICIAL;

    /** Per-task increment of the official β_w, per task update. */
    static final double OFFICIAL_BETA_STEP = 1e-6;
    /** Task updates per iteration in the official code (its 4 Office-Home domains). */
    static final int OFFICIAL_TASKS = 4;
    static final double OFFICIAL_ETA_Z = 1e-7;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static List<String> ids() {
        return java.util.Arrays.stream(values()).map(KlSchedule::id).toList();
    }

    public static KlSchedule of(String id) {
        for (KlSchedule k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown KL schedule '" + id + "'; known: " + ids());
    }

    /** The multiplier of the configured weights at {@code step} (1-based); for OFFICIAL see the per-term methods. */
    double ramp(int step, int warmupSteps) {
        return switch (this) {
            case CONSTANT, OFFICIAL -> 1.0;
            case WARMUP -> warmupSteps <= 0 ? 1.0 : Math.min(1.0, step / (double) warmupSteps);
        };
    }

    /** λ_w at {@code step} for a task of {@code rows} training rows. */
    public double weightW(int step, double configured, int warmupSteps, int rows) {
        if (this == OFFICIAL) {
            return rows * OFFICIAL_BETA_STEP * OFFICIAL_TASKS * Math.floor(step / 10.0);
        }
        return configured * ramp(step, warmupSteps);
    }

    /** λ_z at {@code step}. */
    public double weightZ(int step, double configured, int warmupSteps) {
        if (this == OFFICIAL) {
            return OFFICIAL_ETA_Z;
        }
        return configured * ramp(step, warmupSteps);
    }
}
