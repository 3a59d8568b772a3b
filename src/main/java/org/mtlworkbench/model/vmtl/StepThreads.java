package org.mtlworkbench.model.vmtl;

/**
 * How many libtorch intra-op threads a VMTL step on the CPU asks for (decision 0032). A step is hundreds of small
 * native ops; a second OpenMP thread costs a wake-up and a join per op and, on a machine shared with other work,
 * waits for a core. Measured on 2 cores under load: one thread ran office-caltech and landmine faster in wall time,
 * and landmine with 256 rows per task (≈ 4.5·10⁸ multiply-adds a step) still ran 1.8× faster on one. Above
 * {@link #MANY} (not measured) the machine's cores are used.
 */
final class StepThreads {

    /** Forward multiply-adds a step above which a step uses every core. */
    static final double MANY = 1e9;

    private StepThreads() {
    }

    /** The forward pass's multiply-adds: the trunk, every head on every row (the prior), the classifiers. */
    static double multiplyAdds(VmtlShape s, int batchRows, int samples) {
        double rows = (double) s.tasks() * batchRows;
        return rows * s.inputs() * s.hidden()
                + rows * (s.hidden() + 1) * 2.0 * s.tasks() * s.latent()
                + samples * rows * s.classifierRows() * s.outputs();
    }

    /** 1 for a step of at most {@link #MANY} multiply-adds, else the available processors. */
    static int forStep(VmtlShape s, int batchRows, int samples) {
        return multiplyAdds(s, batchRows, samples) <= MANY ? 1 : Runtime.getRuntime().availableProcessors();
    }
}
