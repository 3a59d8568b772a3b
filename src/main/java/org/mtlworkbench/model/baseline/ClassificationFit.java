package org.mtlworkbench.model.baseline;

import java.util.List;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.relatedness.RelatednessView;

/**
 * A fitted (or in-progress) logistic baseline. Two classes: one binary model for "class 1 vs class 0". More
 * classes: one-vs-rest, one binary model per class, whose moderated probabilities are renormalised to sum to 1
 * per row (uniform if all of them underflow to 0).
 */
final class ClassificationFit implements FittedModel {

    private final List<String> taskNames;
    private final int classCount;
    /** taskUnits[t][c]: the unit of binary c of task t (one binary when there are two classes). */
    private final int[][] taskUnits;
    private final LaplacePosterior[] posteriors;
    private final boolean showsRelatedness;

    ClassificationFit(List<String> taskNames, int classCount, int[][] taskUnits, LaplacePosterior[] posteriors,
                      boolean showsRelatedness) {
        this.taskNames = taskNames;
        this.classCount = classCount;
        this.taskUnits = taskUnits;
        this.posteriors = posteriors.clone();
        this.showsRelatedness = showsRelatedness;
    }

    @Override
    public Prediction predict(int task, double[][] x) {
        int[] units = taskUnits[task];
        double[][] p = new double[x.length][classCount];
        for (int i = 0; i < x.length; i++) {
            if (classCount == 2) {
                double p1 = posteriors[units[0]].probability(x[i]);
                p[i][0] = 1 - p1;
                p[i][1] = p1;
                continue;
            }
            double sum = 0;
            for (int c = 0; c < classCount; c++) {
                p[i][c] = posteriors[units[c]].probability(x[i]);
                sum += p[i][c];
            }
            for (int c = 0; c < classCount; c++) {
                p[i][c] = sum > 0 ? p[i][c] / sum : 1.0 / classCount;
            }
        }
        return new Prediction.Classification(p);
    }

    /** The posterior of binary c of task t. */
    LaplacePosterior posterior(int task, int binary) {
        return posteriors[taskUnits[task][binary]];
    }

    @Override
    public List<RelatednessView> relatedness() {
        if (!showsRelatedness) {
            return List.of();
        }
        double[][] w = new double[taskUnits.length][];
        for (int t = 0; t < w.length; t++) {
            int[] units = taskUnits[t];
            double[][] parts = new double[units.length][];
            int len = 0;
            for (int c = 0; c < units.length; c++) {
                parts[c] = posteriors[units[c]].weights();
                len += parts[c].length;
            }
            w[t] = new double[len];
            int off = 0;
            for (double[] part : parts) {
                System.arraycopy(part, 0, w[t], off, part.length);
                off += part.length;
            }
        }
        return List.of(WeightCosine.of(taskNames, w));
    }
}
