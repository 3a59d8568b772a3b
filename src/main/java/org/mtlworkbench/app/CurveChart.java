package org.mtlworkbench.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** A live line chart of named series against the training step, drawn by JFreeChart (the same code exports). */
final class CurveChart {

    /** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
    private static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0)
    };

    private final XYSeriesCollection data = new XYSeriesCollection();
    private final Map<String, XYSeries> series = new LinkedHashMap<>();
    private final JFreeChart chart;
    private final ChartViewer viewer;

    CurveChart(String title, String yLabel) {
        chart = ChartFactory.createXYLineChart(title, "step", yLabel, data, PlotOrientation.VERTICAL, true, true,
                false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.getRangeAxis().setAutoRange(true);
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        plot.setRenderer(renderer);
        viewer = new ChartViewer(chart);
        viewer.setId(title);
    }

    ChartViewer node() {
        return viewer;
    }

    JFreeChart chart() {
        return chart;
    }

    void clear() {
        data.removeAllSeries();
        series.clear();
    }

    void add(String name, double step, double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        XYSeries s = series.computeIfAbsent(name, n -> {
            XYSeries created = new XYSeries(n, true, true);
            data.addSeries(created);
            int idx = data.getSeriesCount() - 1;
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
            r.setSeriesPaint(idx, PALETTE[idx % PALETTE.length]);
            r.setSeriesStroke(idx, new BasicStroke(2f));
            return created;
        });
        s.addOrUpdate(step, value);
    }

    int pointCount(String name) {
        XYSeries s = series.get(name);
        return s == null ? 0 : s.getItemCount();
    }

    int totalPoints() {
        int n = 0;
        for (XYSeries s : series.values()) {
            n += s.getItemCount();
        }
        return n;
    }
}
