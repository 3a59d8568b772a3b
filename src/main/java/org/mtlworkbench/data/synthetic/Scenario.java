package org.mtlworkbench.data.synthetic;

/**
 * A small synthetic multi-task problem with a planted, known answer (clusters, a tree, a sparsity pattern, linked
 * or conflicting tasks). The CLI's {@code generate} command and the GUI's sample gallery enumerate these through
 * {@link Scenarios}; model tests use them as known-answer experiments (ALGORITHMS.md §8).
 */
public interface Scenario {

    /** Short machine id, e.g. {@code "clustered"}; also the folder and file name of the written scenario. */
    String id();

    /** Human title, e.g. "Clustered regression tasks". */
    String title();

    /** One paragraph a teacher could read aloud: the tasks, what is planted, what a good model should show. */
    String description();

    /** Generates the data set and its ground truth; the same seed gives identical data. */
    GeneratedScenario generate(long seed);
}
