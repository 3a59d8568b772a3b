package org.mtlworkbench.app;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Stroke;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.event.ChartChangeListener;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;

/**
 * Large fonts and thick lines for one live chart in presenter mode: fonts and series strokes are multiplied by a
 * scale, and series added later (a new run's curves) are thickened as they arrive. Scale 1 restores the chart.
 */
final class PresenterCharts {

    private final JFreeChart chart;
    private final Set<Stroke> ours = Collections.newSetFromMap(new IdentityHashMap<>());
    private double scale = 1;
    private boolean busy;
    private final ChartChangeListener thickenNew = e -> thickenSeries();

    PresenterCharts(JFreeChart chart) {
        this.chart = chart;
        chart.addChangeListener(thickenNew);
    }

    void setScale(double s) {
        double ratio = s / scale;
        scale = s;
        busy = true;
        try {
            chart.setNotify(false);
            chart.getTitle().setFont(scaled(chart.getTitle().getFont(), ratio));
            for (int i = 0; i < chart.getSubtitleCount(); i++) {
                Title t = chart.getSubtitle(i);
                if (t instanceof TextTitle tt) {
                    tt.setFont(scaled(tt.getFont(), ratio));
                } else if (t instanceof LegendTitle lt) {
                    lt.setItemFont(scaled(lt.getItemFont(), ratio));
                }
            }
            if (chart.getPlot() instanceof XYPlot p) {
                for (Axis a : new Axis[] {p.getDomainAxis(), p.getRangeAxis()}) {
                    a.setLabelFont(scaled(a.getLabelFont(), ratio));
                    a.setTickLabelFont(scaled(a.getTickLabelFont(), ratio));
                }
                XYItemRenderer r = p.getRenderer();
                for (int i = 0; i < p.getSeriesCount(); i++) {
                    Stroke st = r.getSeriesStroke(i);
                    if (st instanceof BasicStroke b) {
                        set(r, i, b.getLineWidth() * (float) ratio, b);
                    }
                }
            }
        } finally {
            busy = false;
            chart.setNotify(true);
        }
    }

    /** Series whose stroke the chart set itself (not ours) are thickened by the current scale. */
    private void thickenSeries() {
        if (busy || scale == 1 || !(chart.getPlot() instanceof XYPlot p)) {
            return;
        }
        busy = true;
        try {
            XYItemRenderer r = p.getRenderer();
            for (int i = 0; i < p.getSeriesCount(); i++) {
                Stroke st = r.getSeriesStroke(i);
                if (st instanceof BasicStroke b && !ours.contains(st)) {
                    set(r, i, b.getLineWidth() * (float) scale, b);
                }
            }
        } finally {
            busy = false;
        }
    }

    private void set(XYItemRenderer r, int i, float width, BasicStroke like) {
        BasicStroke s = new BasicStroke(width, like.getEndCap(), like.getLineJoin(), like.getMiterLimit(),
                like.getDashArray(), like.getDashPhase());
        ours.add(s);
        r.setSeriesStroke(i, s, false);
    }

    private static Font scaled(Font f, double ratio) {
        return f == null ? null : f.deriveFont((float) (f.getSize2D() * ratio));
    }
}
