package org.mtlworkbench.model;

/**
 * A predictive distribution summary for a batch of rows: mean and variance (regression) or class
 * probabilities (classification). Arrays are owned by the record; callers must not modify them.
 */
public sealed interface Prediction permits Prediction.Regression, Prediction.Classification {

    int size();

    /** Predictive mean and variance (noise included) per row. */
    record Regression(double[] mean, double[] variance) implements Prediction {
        public Regression {
            if (mean.length != variance.length) {
                throw new IllegalArgumentException("mean and variance differ in length");
            }
        }

        @Override
        public int size() {
            return mean.length;
        }
    }

    /** Probabilities per row (rows sum to 1), columns in the order of the data set's class labels. */
    record Classification(double[][] probabilities) implements Prediction {
        @Override
        public int size() {
            return probabilities.length;
        }

        /** The most probable class per row (lowest index on ties). */
        public int[] argmax() {
            int[] out = new int[probabilities.length];
            for (int i = 0; i < probabilities.length; i++) {
                double[] p = probabilities[i];
                int best = 0;
                for (int c = 1; c < p.length; c++) {
                    if (p[c] > p[best]) {
                        best = c;
                    }
                }
                out[i] = best;
            }
            return out;
        }
    }
}
