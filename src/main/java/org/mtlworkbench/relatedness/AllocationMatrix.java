package org.mtlworkbench.relatedness;

import java.util.List;

/**
 * Task × component matrix, e.g. the probability that task t uses component c of a layer, or a cluster
 * responsibility. Immutable.
 */
public record AllocationMatrix(String title, List<String> tasks, List<String> components, double[][] values)
        implements RelatednessView {

    public AllocationMatrix {
        tasks = List.copyOf(tasks);
        components = List.copyOf(components);
        if (values.length != tasks.size()) {
            throw new IllegalArgumentException("allocation has " + values.length + " rows for "
                    + tasks.size() + " tasks");
        }
        double[][] c = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            if (values[i].length != components.size()) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " columns for "
                        + components.size() + " components");
            }
            c[i] = values[i].clone();
        }
        values = c;
    }

    public double get(int task, int component) {
        return values[task][component];
    }

    @Override
    public double[][] values() {
        double[][] c = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            c[i] = values[i].clone();
        }
        return c;
    }
}
