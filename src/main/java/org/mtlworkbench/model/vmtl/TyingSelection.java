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
 * {@code taskTying = auto}: K-fold cross-validation of the loose, the tight and the guarded variant on the training
 * rows (folds stratified by class within every task), comparing the negative log predictive density of every held-out
 * row under each; an alternative to the loose variant (the settings as given) is kept only when it is clearly better
 * ({@link #decide}). The caller then fits the chosen variant on all rows: 3K + 1 fits in all.
 *
 * <p>Why K folds and not one held-out fifth: with 50 rows and 5 positives per task a single split holds out one
 * positive per task, and on mnist it picked the wrong variant on one of two exploration seeds; every training row is
 * held out once here. Why NLPD: it is defined for regression too, and on landmine, with no or one positive per task
 * in a fold, it still ranks the variants where a per-task AUC does not exist.
 */
final class TyingSelection {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TyingSelection.class);

    static final int FOLDS = 3;

    /** The variants cross-validated, in the order they are fitted; the first is the one kept unless beaten. */
    static final List<TaskTying> VARIANTS = List.of(TaskTying.LOOSE, TaskTying.TIGHT, TaskTying.GUARDED);

    /**
     * One alternative against the loose variant: its cross-validated mean NLPD and the mean and standard error of the
     * paired per-row difference alternative − loose (NaN when no task had two rows to split).
     */
    record Comparison(double nlpd, double meanDifference, double standardError) {

        /** Lower than loose by more than {@value #STANDARD_ERRORS} standard errors of the paired difference. */
        boolean clearlyBetter() {
            return meanDifference + STANDARD_ERRORS * standardError < 0;
        }
    }

    /** The variant kept, the loose variant's cross-validated mean NLPD, and each alternative against it. */
    record Choice(TaskTying tying, double looseNlpd, Comparison tight, Comparison guarded) {
    }

    /**
     * An alternative is kept only when it is better by more than this many standard errors of the paired
     * difference: it overrides several of the user's settings, so the settings as given stay unless the held-out
     * rows say clearly otherwise (a one-sided paired test at about the 2 % level).
     */
    static final double STANDARD_ERRORS = 2.0;

    private TyingSelection() {
    }

    static Choice choose(MultiTaskDataset train, VmtlSettings settings, FitContext ctx) {
        int[][] fold = folds(train, FOLDS, ctx.random("tying/folds"));
        double[][] nlpd = new double[VARIANTS.size()][];
        for (int v = 0; v < VARIANTS.size(); v++) {
            TaskTying t = VARIANTS.get(v);
            nlpd[v] = crossValidatedNlpd(train, fold, settings.variant(t), ctx, t.id(), v * FOLDS);
        }
        Choice c = decide(nlpd[0], nlpd[1], nlpd[2]);
        LOG.info("taskTying auto: {}-fold cross-validated NLPD loose {} / tight {} / guarded {}; paired difference "
                + "against loose: tight {} ± {}, guarded {} ± {} (se): {}", FOLDS, f4(c.looseNlpd()),
                f4(c.tight().nlpd()), f4(c.guarded().nlpd()), f4(c.tight().meanDifference()),
                f4(c.tight().standardError()), f4(c.guarded().meanDifference()), f4(c.guarded().standardError()),
                c.tying().id());
        return c;
    }

    /**
     * From the held-out rows' NLPDs under the three variants (same rows, same order): of the alternatives whose mean
     * paired difference to loose is below −{@value #STANDARD_ERRORS} standard errors, the one with the lower mean
     * NLPD; loose when neither is (also with no rows).
     */
    static Choice decide(double[] loose, double[] tight, double[] guarded) {
        Comparison ct = compare(loose, tight);
        Comparison cg = compare(loose, guarded);
        TaskTying t = TaskTying.LOOSE;
        if (ct.clearlyBetter() && (!cg.clearlyBetter() || ct.nlpd() <= cg.nlpd())) {
            t = TaskTying.TIGHT;
        } else if (cg.clearlyBetter()) {
            t = TaskTying.GUARDED;
        }
        return new Choice(t, mean(loose), ct, cg);
    }

    private static Comparison compare(double[] loose, double[] other) {
        int n = loose.length;
        if (n == 0) {
            return new Comparison(Double.NaN, Double.NaN, Double.NaN);
        }
        double sumD = 0;
        for (int i = 0; i < n; i++) {
            sumD += other[i] - loose[i];
        }
        double mean = sumD / n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = other[i] - loose[i] - mean;
            ss += d * d;
        }
        double se = n > 1 ? Math.sqrt(ss / (n - 1) / n) : Double.POSITIVE_INFINITY;
        return new Comparison(mean(other), mean, se);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
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
                    fitsBefore + f + 1, VARIANTS.size() * FOLDS, name));
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
