package org.mtlworkbench.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mtlworkbench.export.RunOutputs;
import org.mtlworkbench.export.Slugs;
import org.mtlworkbench.export.render.CurveCsv;
import org.mtlworkbench.export.render.CurveFigure;
import org.mtlworkbench.export.render.Figure;
import org.mtlworkbench.export.render.FigureExporter;
import org.mtlworkbench.relatedness.RelatednessView;
import org.mtlworkbench.train.RunResult;
import org.mtlworkbench.train.TraceRow;

/**
 * "Export run": everything a finished run produced, into one folder: the run outputs of the core (metrics.json,
 * trace.csv, one CSV or Newick file per view, provenance.json), and every figure (loss curves, metric curves, each
 * relatedness view and its ground truth, and the equation of the lesson step the run was started from) as PNG, SVG and
 * PDF. Builds its own figures from the result, so it may run
 * off the FX thread.
 */
final class RunExport {

    static final int WIDTH = 1000;
    static final int HEIGHT = 700;

    private RunExport() {
    }

    static List<Path> write(RunRecord r, Path dir) throws IOException {
        RunResult result = r.run().result().orElseThrow(() -> new IllegalStateException("the run has not finished"));
        List<Path> written = new ArrayList<>(RunOutputs.write(result, r.data().full(), dir));
        Set<String> taken = new HashSet<>();
        written.forEach(p -> taken.add(p.getFileName().toString()));
        CurveFigure loss = lossCurves(result.trace());
        CurveFigure metrics = metricCurves(result.trace());
        Path lossCsv = dir.resolve(Slugs.uniqueFileName("loss curves", ".csv", taken));
        CurveCsv.write(loss, lossCsv);
        written.add(lossCsv);
        List<Figure> figures = new ArrayList<>(List.of(loss, metrics));
        List<RelatednessView> views = result.model() == null ? List.of() : result.model().relatedness();
        for (RelatednessView v : views) {
            Figure f = Figures.of(v, false, r.truth());
            figures.add(f);
            for (RelatednessView t : r.truth().matching(v)) {
                figures.add(Figures.truthBeside(t, f));
            }
        }
        if (r.equation() != null) {
            figures.add(r.equation()); // the lesson step's equation, beside the figures it explains
        }
        for (Figure f : figures) {
            String base = Slugs.uniqueFileName(f.title(), "", taken);
            for (FigureExporter.Format fmt : FigureExporter.Format.values()) {
                Path file = dir.resolve(base + "." + fmt.extension());
                taken.add(file.getFileName().toString());
                FigureExporter.write(f, fmt, WIDTH, HEIGHT, file);
                written.add(file);
            }
        }
        return written;
    }

    /** The loss terms of a trace, as on screen. */
    static CurveFigure lossCurves(List<TraceRow> trace) {
        CurveFigure f = new CurveFigure("Loss terms (lower is better)", "loss");
        f.setSmoothing(0.6);
        f.beginBatch();
        for (TraceRow row : trace) {
            row.losses().forEach((k, v) -> f.add(k, row.step(), v));
        }
        f.endBatch();
        return f;
    }

    /** Mean train and test metrics of a trace. */
    static CurveFigure metricCurves(List<TraceRow> trace) {
        CurveFigure f = new CurveFigure("Metrics (all tasks)", "metric");
        f.setSmoothing(0);
        f.beginBatch();
        for (TraceRow row : trace) {
            row.testMetrics().forEach((k, v) -> {
                if (!k.equals("rows") && !k.equals("tasks") && !k.endsWith("_tasks")) {
                    f.add("test " + k, row.step(), v);
                }
            });
            row.trainMetrics().forEach((k, v) -> {
                if (!k.equals("rows") && !k.equals("tasks") && !k.endsWith("_tasks")) {
                    f.add("train " + k, row.step(), v);
                }
            });
        }
        f.endBatch();
        return f;
    }
}
