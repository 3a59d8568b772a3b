package org.mtlworkbench.experiment.lesson;

import org.mtlworkbench.experiment.setup.FieldProblem;
import java.util.List;
import org.mtlworkbench.experiment.setup.Setup;

/**
 * What a lesson step claims the class will see, in a form {@link ClaimCheck} can test on the trained model.
 *
 * @param kind      one of {@link #KINDS}
 * @param statement the claim in words, shown with its result
 * @param view      a substring of the relatedness view's title the claim reads (for view claims), or null
 * @param threshold the number the measured value is compared with
 * @param reference a model to compare with, trained on the same data, split and seed (for comparisons), or null
 */
public record Claim(String kind, String statement, String view, Double threshold, Setup.ModelJson reference) {

    /**
     * {@code clusters-match}: adjusted Rand index of the argmax of an allocation view against the planted clusters
     * is at least the threshold. {@code tree-clades}: fraction of the planted tree's clades the learned tree has is
     * at least the threshold. {@code rows-one-hot}: mean largest entry per row of a task matrix is at least the
     * threshold. {@code rows-spread}: that mean is at most the threshold. {@code active-groups-lowest}: the ratio
     * of the smallest switched-off precision to the largest active one is at least the threshold (above 1: every
     * truly active group has a smaller precision, i.e. a larger weight, than every irrelevant one).
     * {@code shrinkage}: the spread of the tasks' predictions about their mean, divided by the reference model's,
     * is at most the threshold. {@code metric-gain}: the model's test metric (view names it, e.g. accuracy) minus
     * the reference's is at least the threshold.
     */
    public static final List<String> KINDS = List.of("clusters-match", "tree-clades", "rows-one-hot", "rows-spread",
            "active-groups-lowest", "shrinkage", "metric-gain");

    void check(String at) {
        FieldProblem.require(kind, at + ".kind");
        FieldProblem.require(statement, at + ".statement");
        FieldProblem.require(threshold, at + ".threshold");
        if (!KINDS.contains(kind)) {
            throw new FieldProblem(at + ".kind", "unknown claim kind \"" + kind + "\" (known: "
                    + String.join(", ", KINDS)
                    + ")");
        }
        if ((kind.equals("shrinkage") || kind.equals("metric-gain")) && reference == null) {
            throw new FieldProblem(at, "a " + kind + " claim needs a \"reference\" model to compare with");
        }
    }

    public boolean needsReference() {
        return reference != null;
    }
}
