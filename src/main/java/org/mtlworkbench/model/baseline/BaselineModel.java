package org.mtlworkbench.model.baseline;

import java.util.ArrayList;
import java.util.List;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FitFailedException;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.MultiTaskModel;
import org.mtlworkbench.numeric.NotPositiveDefiniteException;

/**
 * The independent and pooled baselines: Bayesian linear regression (evidence-fitted α, β, flat-prior intercept)
 * or Laplace logistic regression (evidence-fitted α, weak-prior intercept, one-vs-rest beyond two classes),
 * either one model per task (independent) or one model on all tasks' rows (pooled).
 */
public final class BaselineModel implements MultiTaskModel {

    /** Nothing shared (one model per task) or everything (one model for all). */
    public enum Sharing { INDEPENDENT, POOLED }

    private final Sharing sharing;
    private final boolean shareHyperparameters;
    private final int maxIterations;
    private final double tolerance;
    private final double fixedAlpha;
    private final Form form;

    /**
     * @param shareHyperparameters independent only: one α (and β) for all tasks, fitted on the summed evidence
     * @param fixedAlpha           α held fixed when positive; 0 = fitted by evidence maximisation
     * @param form                 PRIMAL, DUAL or AUTO (the smaller system; AUTO is what the factories use)
     */
    public BaselineModel(Sharing sharing, boolean shareHyperparameters, int maxIterations, double tolerance,
                         double fixedAlpha, Form form) {
        this.sharing = sharing;
        this.shareHyperparameters = shareHyperparameters;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.fixedAlpha = fixedAlpha;
        this.form = form;
    }

    @Override
    public FittedModel fit(MultiTaskDataset train, FitContext ctx) {
        check(train);
        try {
            return train.isClassification() ? fitClassification(train, ctx) : fitRegression(train, ctx);
        } catch (NotPositiveDefiniteException e) {
            throw new FitFailedException("the baseline's linear algebra failed: " + e.getMessage(), e);
        } catch (ArithmeticException e) {
            throw new FitFailedException("the baseline's linear algebra failed (non-finite data?): "
                    + e.getMessage(), e);
        }
    }

    private void check(MultiTaskDataset train) {
        if (sharing == Sharing.POOLED && train.totalRows() == 0) {
            throw new FitFailedException("the pooled baseline has no training rows");
        }
        for (Task t : train.tasks()) {
            if (sharing == Sharing.INDEPENDENT && t.size() == 0) {
                throw new FitFailedException("task '" + t.name() + "' has no training rows; the independent "
                        + "baseline fits one model per task and needs at least one row in each");
            }
            if (sharing == Sharing.INDEPENDENT && !train.isClassification() && !shareHyperparameters
                    && t.size() < 2) {
                throw new FitFailedException("task '" + t.name() + "' has a single training row: too few to fit "
                        + "its own α and β (set shareHyperparameters=true to fit them over all tasks)");
            }
            if (sharing == Sharing.INDEPENDENT && train.isClassification() && distinct(t.y()) < 2) {
                throw new FitFailedException("task '" + t.name() + "' has training rows of a single class only; "
                        + "a per-task classifier needs at least two classes");
            }
        }
        if (sharing == Sharing.POOLED && train.isClassification() && distinct(pooledY(train)) < 2) {
            throw new FitFailedException("all training rows belong to a single class; a classifier needs two");
        }
    }

    private static int distinct(double[] y) {
        return (int) java.util.Arrays.stream(y).distinct().count();
    }

    // ---- regression -------------------------------------------------------------------------------------

    private FittedModel fitRegression(MultiTaskDataset train, FitContext ctx) {
        int tCount = train.taskCount();
        int d = train.featureCount();
        int[] unitOfTask = new int[tCount];
        CenteredLinearTask[] units;
        int[][] groups;
        if (sharing == Sharing.POOLED) {
            units = new CenteredLinearTask[] {CenteredLinearTask.of(pooledX(train), pooledY(train), d, form)};
            groups = new int[][] {{0}};
        } else {
            units = new CenteredLinearTask[tCount];
            for (int t = 0; t < tCount; t++) {
                ctx.checkCancelled();
                Task task = train.task(t);
                units[t] = CenteredLinearTask.of(task.x(), task.y(), d, form);
                unitOfTask[t] = t;
            }
            groups = shareHyperparameters ? new int[][] {range(tCount)} : singletons(tCount);
        }
        return new RegressionFitter(maxIterations, tolerance, fixedAlpha)
                .fit(train.taskNames(), unitOfTask, units, groups, sharing == Sharing.INDEPENDENT, ctx);
    }

    // ---- classification ---------------------------------------------------------------------------------

    private FittedModel fitClassification(MultiTaskDataset train, FitContext ctx) {
        int tCount = train.taskCount();
        int d = train.featureCount();
        int k = train.classCount();
        int[] positive = k == 2 ? new int[] {1} : range(k);
        int b = positive.length;
        int[][] taskUnits = new int[tCount][b];
        List<LaplaceLogistic> units = new ArrayList<>();
        List<int[]> groups = new ArrayList<>();
        if (sharing == Sharing.POOLED) {
            double[][] x = pooledX(train);
            double[] y = pooledY(train);
            for (int c = 0; c < b; c++) {
                units.add(new LaplaceLogistic(x, indicator(y, positive[c]), d, LaplaceLogistic.DEFAULT_BIAS_PRECISION,
                        form));
                groups.add(new int[] {c});
                for (int t = 0; t < tCount; t++) {
                    taskUnits[t][c] = c;
                }
            }
        } else {
            for (int t = 0; t < tCount; t++) {
                ctx.checkCancelled();
                Task task = train.task(t);
                double[][] x = task.x();
                double[] y = task.y();
                for (int c = 0; c < b; c++) {
                    taskUnits[t][c] = units.size();
                    units.add(new LaplaceLogistic(x, indicator(y, positive[c]), d,
                            LaplaceLogistic.DEFAULT_BIAS_PRECISION, form));
                }
            }
            if (shareHyperparameters) {
                for (int c = 0; c < b; c++) {
                    int[] g = new int[tCount];
                    for (int t = 0; t < tCount; t++) {
                        g[t] = taskUnits[t][c];
                    }
                    groups.add(g);
                }
            } else {
                groups.addAll(List.of(singletons(units.size())));
            }
        }
        return new ClassificationFitter(maxIterations, tolerance, fixedAlpha).fit(train.taskNames(), k, taskUnits,
                units.toArray(new LaplaceLogistic[0]), groups.toArray(new int[0][]),
                sharing == Sharing.INDEPENDENT, ctx);
    }

    private static double[] indicator(double[] y, int cls) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = y[i] == cls ? 1 : 0;
        }
        return out;
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static double[][] pooledX(MultiTaskDataset ds) {
        double[][] out = new double[ds.totalRows()][];
        int i = 0;
        for (Task t : ds.tasks()) {
            for (double[] row : t.x()) {
                out[i++] = row;
            }
        }
        return out;
    }

    private static double[] pooledY(MultiTaskDataset ds) {
        double[] out = new double[ds.totalRows()];
        int i = 0;
        for (Task t : ds.tasks()) {
            for (int r = 0; r < t.size(); r++) {
                out[i++] = t.y(r);
            }
        }
        return out;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static int[][] singletons(int n) {
        int[][] g = new int[n][];
        for (int i = 0; i < n; i++) {
            g[i] = new int[] {i};
        }
        return g;
    }
}
