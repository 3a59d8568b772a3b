package org.mtlworkbench.relatedness;

/** What a model tells about how its tasks relate; the GUI picks a view per concrete type. */
public sealed interface RelatednessView permits TaskMatrix, TaskTree, AllocationMatrix, GroupSparsity {

    /** A short title, e.g. "mixing weights α" or "co-assignment". */
    String title();
}
