package org.mtlworkbench.relatedness;

import java.util.List;

/**
 * Per feature group: the posterior mean precision ⟨γ_i⟩ (large = switched off) and, optionally, a per task ×
 * group weight magnitude. Immutable.
 */
public record GroupSparsity(String title, List<String> groups, double[] precision, List<String> tasks,
                            double[][] weightNorms) implements RelatednessView {

    public GroupSparsity {
        groups = List.copyOf(groups);
        tasks = List.copyOf(tasks);
        if (precision.length != groups.size()) {
            throw new IllegalArgumentException("precision has " + precision.length + " values for "
                    + groups.size() + " groups");
        }
        precision = precision.clone();
        double[][] c = new double[weightNorms.length][];
        for (int i = 0; i < weightNorms.length; i++) {
            c[i] = weightNorms[i].clone();
        }
        weightNorms = c;
    }

    @Override
    public double[] precision() {
        return precision.clone();
    }
}
