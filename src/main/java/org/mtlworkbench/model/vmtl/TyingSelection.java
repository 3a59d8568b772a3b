package org.mtlworkbench.model.vmtl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.data.Task;
import org.mtlworkbench.model.FitContext;
import org.mtlworkbench.model.FittedModel;
import org.mtlworkbench.model.Prediction;
import org.mtlworkbench.numeric.Nlpd;

/**
 * {@code taskTying = auto}: K-fold cross-validation of the loose and the tight variant on the training rows (folds
 * stratified by class within every task), comparing the negative log predictive density of every held-out row under
 * both; the tight variant is kept only when it is clearly better ({@link #decide}). The caller then fits the chosen
 * variant on all rows: 2K + 1 fits in all.
 *
 * <p>Why K folds and not one held-out fifth: with 50 rows and 5 positives per task a single split holds out one
 * positive per task, and on mnist it picked the wrong variant on one of two exploration seeds; every training row is
 * held out once here. Why NLPD: it is defined for regression too, and on landmine, with no or one positive per task
 * in a fold, it still ranks the variants where a per-task AUC does not exist.
 */
final class TyingSelection {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TyingSelection.class);

    static final int FOLDS = 3;

    /**
     * The variant kept, both cross-validated mean NLPDs, and the mean and standard error of the paired per-row
     * difference tight − loose (NaN when no task had two rows to split).
     */
    record Choice(TaskTying tying, double looseNlpd, double tightNlpd, double meanDifference,
                  double standardError) {
    }

    /**
     * The tight variant is kept only when it is better by more than this many standard errors of the paired
     * difference: it overrides five of the user's settings, so the settings as given stay unless the held-out rows
     * say clearly otherwise (a one-sided paired test at about the 2 % level).
     */
    static final double STANDARD_ERRORS = 2.0;

    private TyingSelection() {
    }

    static Choice choose(MultiTaskDataset train, VmtlSettings settings, FitContext ctx) {
        int[][] fold = folds(train, FOLDS, ctx.random("tying/folds"));
        double[] loose = crossValidatedNlpd(train, fold, settings, ctx, "loose", 0);
        double[] tight = crossValidatedNlpd(train, fold, settings.tight(), ctx, "tight", FOLDS);
        Choice c = decide(loose, tight);
        LOG.info("taskTying auto: {}-fold cross-validated NLPD loose {} / tight {}, paired difference {} ± {} (se): {}",
                FOLDS, f4(c.looseNlpd()), f4(c.tightNlpd()), f4(c.meanDifference()), f4(c.standardError()),
                c.tying().id());
        return c;
    }

    /**
     * From the held-out rows' NLPDs under both variants (same rows, same order): tight when the mean paired
     * difference is below −{@value #STANDARD_ERRORS} standard errors, else loose (also with no rows).
     */
    static Choice decide(double[] loose, double[] tight) {
        int n = loose.length;
        if (n == 0) {
            return new Choice(TaskTying.LOOSE, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double sumL = 0;
        double sumT = 0;
        double sumD = 0;
        for (int i = 0; i < n; i++) {
            sumL += loose[i];
            sumT += tight[i];
            sumD += tight[i] - loose[i];
        }
        double mean = sumD / n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = tight[i] - loose[i] - mean;
            ss += d * d;
        }
        double se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : Double.POSITIVE_INFINITY;
        TaskTying t = mean + STANDARD_ERRORS * se < 0 ? TaskTying.TIGHT : TaskTying.LOOSE;
        return new Choice(t, sumL / n, sumT / n, mean, se);
    }

    private static String f4(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    /**
     * Fold of every row of every task: per task (and class), rows in random order dealt out 0, 1, …, K−1, 0, …
     * continuing across classes, so every fold gets its share of every class. A task with fewer than two rows is
     * never held out (fold −1): every training set keeps a row of every task.
     */
    static int[][] folds(MultiTaskDataset data, int k, SplittableRandom rng) {
        int[][] fold = new int[data.taskCount()][];
        for (int t = 0; t < data.taskCount(); t++) {
            Task task = data.task(t);
            int n = task.size();
            fold[t] = new int[n];
            java.util.Arrays.fill(fold[t], -1);
            if (n < 2) {
                continue;
            }
            int classes = data.isClassification() ? data.classCount() : 1;
            int folds = Math.min(k, n);
            int next = rng.nextInt(folds);
            for (int c = 0; c < classes; c++) {
                List<Integer> members = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (classes == 1 || (int) task.y(i) == c) {
                        members.add(i);
                    }
                }
                for (int i = members.size() - 1; i > 0; i--) { // Fisher–Yates
                    int j = rng.nextInt(i + 1);
                    Integer tmp = members.get(i);
                    members.set(i, members.get(j));
                    members.set(j, tmp);
                }
                for (int row : members) {
                    fold[t][row] = next;
                    next = (next + 1) % folds;
                }
            }
        }
        return fold;
    }

    /** Every held-out row's NLPD, folds in order, tasks and rows in order within a fold. */
    private static double[] crossValidatedNlpd(MultiTaskDataset data, int[][] fold, VmtlSettings s, FitContext ctx,
                                               String name, int fitsBefore) {
        java.util.List<double[]> parts = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            List<Task> fitTasks = new ArrayList<>();
            List<Task> heldTasks = new ArrayList<>();
            for (int t = 0; t < data.taskCount(); t++) {
                fitTasks.add(data.task(t).select(positions(fold[t], f, false)));
                heldTasks.add(data.task(t).select(positions(fold[t], f, true)));
            }
            MultiTaskDataset held = data.withTasks(data.name(), heldTasks);
            if (held.totalRows() == 0) {
                continue;
            }
            ctx.status(String.format(java.util.Locale.ROOT,
                    "choosing the task tying by %d-fold cross-validation: fit %d of %d (%s)", FOLDS,
                    fitsBefore + f + 1, 2 * FOLDS, name));
            String component = "tying/" + name + "/" + f + "/";
            FittedModel fitted = VmtlModel.train(data.withTasks(data.name(), fitTasks), s, ctx,
                    c -> ctx.random(component + c), null);
            parts.add(rowNlpd(fitted, held));
        }
        return parts.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static int[] positions(int[] fold, int f, boolean in) {
        return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == in).toArray();
    }

    /** Every row's NLPD ({@link Nlpd}), tasks in order. */
    static double[] rowNlpd(FittedModel fitted, MultiTaskDataset heldOut) {
        double[] out = new double[heldOut.totalRows()];
        int k = 0;
        for (int t = 0; t < heldOut.taskCount(); t++) {
            Task task = heldOut.task(t);
            if (task.size() == 0) {
                continue;
            }
            Prediction p = fitted.predict(t, task.x());
            for (int i = 0; i < task.size(); i++) {
                out[k++] = p instanceof Prediction.Classification c
                        ? Nlpd.categorical(c.probabilities()[i][(int) task.y(i)])
                        : Nlpd.gaussian(task.y(i), ((Prediction.Regression) p).mean()[i],
                                ((Prediction.Regression) p).variance()[i]);
            }
        }
        return out;
    }
}
