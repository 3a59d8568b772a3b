package org.mtlworkbench.model.vmtl;

/**
 * How many libtorch intra-op threads a VMTL step on the CPU asks for (decision 0032). A small step is hundreds of
 * small native ops; a second OpenMP thread costs a wake-up and a join per op and, on a machine shared with other
 * work, waits for a core. Measured on 2 cores (JMH, load 2–3): office-caltech (7.7·10⁶ multiply-adds a step) ran
 * 1.3–1.5× faster on one thread; landmine (5.7·10⁷, mostly the prior's every-head-on-every-row GEMMs) ran 0.87–0.94×
 * as fast on one thread as on two, so it keeps every core. Under heavy load one thread won on both.
 */
final class StepThreads {

    /** Forward multiply-adds a step above which a step uses every core (between the two measured data sets). */
    static final double MANY = 2e7;

    private StepThreads() {
    }

    /** The forward pass's multiply-adds: the trunk, every head on every row (the prior), the classifiers. */
    static double multiplyAdds(VmtlShape s, int batchRows, int samples) {
        double rows = (double) s.tasks() * batchRows;
        return rows * s.inputs() * s.hidden()
                + rows * (s.headInputs() + 1) * 2.0 * s.tasks() * s.latent()
                + samples * rows * s.classifierRows() * s.outputs();
    }

    /** 1 for a step of at most {@link #MANY} multiply-adds, else the available processors. */
    static int forStep(VmtlShape s, int batchRows, int samples) {
        return multiplyAdds(s, batchRows, samples) <= MANY ? 1 : Runtime.getRuntime().availableProcessors();
    }
}
