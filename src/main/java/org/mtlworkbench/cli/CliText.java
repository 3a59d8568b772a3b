package org.mtlworkbench.cli;

import java.util.Locale;
import java.util.Map;
import org.mtlworkbench.data.MultiTaskDataset;
import org.mtlworkbench.experiment.PreparedData;
import org.mtlworkbench.model.ModelFactory;
import org.mtlworkbench.train.RunResult;

/** Text the commands print. */
final class CliText {

    private CliText() {
    }

    static String describeData(PreparedData data) {
        MultiTaskDataset ds = data.full();
        String type = ds.targetType().name().toLowerCase(Locale.ROOT)
                + (data.targetTypeDetected() ? " (auto-detected)" : " (as given)");
        return String.format(Locale.ROOT, "data: %s, %d tasks, %d rows, %d features; target type: %s%s; split: %s"
                        + " (%d train / %d test rows)",
                ds.name(), ds.taskCount(), ds.totalRows(), ds.featureCount(), type,
                ds.isClassification() ? ", classes " + ds.classLabels() : "", data.split().description(),
                data.split().train().totalRows(), data.split().test().totalRows());
    }

    static void checkSupported(ModelFactory f, PreparedData data) {
        if (!f.supports(data.full().targetType())) {
            throw new BadInputException("model " + f.id() + " does not support "
                    + data.full().targetType().name().toLowerCase(Locale.ROOT) + " targets");
        }
    }

    /** "mean (test, 760 rows): rmse=1.9832 explained_variance=0.4410 nlpd=2.0911". */
    static String meanLine(RunResult r) {
        StringBuilder sb = new StringBuilder("mean (test):");
        for (Map.Entry<String, Double> e : r.test().overall().entrySet()) {
            sb.append(' ').append(e.getKey()).append('=').append(format(e.getValue()));
        }
        return sb.toString();
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
