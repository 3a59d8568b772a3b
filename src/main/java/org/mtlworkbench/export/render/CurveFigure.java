package org.mtlworkbench.export.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Curves against the training step, drawn by JFreeChart: each curve twice, raw (faint) and smoothed by a
 * bias-corrected {@link Ema} (solid); a log-scale toggle; vertical markers (e.g. where τ changed); a subtitle line
 * (e.g. the current τ). Thin curves (per-task metrics) stay out of the legend. The same chart is shown in the
 * workbench and exported, through {@link #draw}.
 */
public final class CurveFigure implements Figure {

    /** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
    static final Color[] PALETTE = {
        new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115), new Color(204, 121, 167),
        new Color(230, 159, 0), new Color(86, 180, 233), new Color(0, 0, 0)
    };

    private final String title;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final JFreeChart chart;
    private final Map<String, Curve> curves = new LinkedHashMap<>();
    private final List<ValueMarker> markers = new ArrayList<>();
    private final TextTitle subtitle = new TextTitle("");
    private final String yLabel;
    private double smoothing;
    private boolean logScale;
    private int colours;

    private static final BasicStroke GRID = new BasicStroke(0.5f);

    /** Points shown per curve at most: longer curves are thinned to every k-th point (k doubles as they grow). */
    static final int SHOWN_MAX = 600;

    private final class Curve {
        final XYSeries raw;
        final XYSeries smooth;
        // every point taken, in primitive arrays: a long run adds several per step for its whole life (decision 0043)
        double[] xs = new double[64];
        double[] ys = new double[64];
        double[] smoothed = new double[64];
        int size;
        int stride = 1;
        final boolean thin;
        final Color colour;
        Ema ema;

        Curve(String name, boolean thin, Color colour) {
            this.thin = thin;
            this.colour = colour;
            raw = new XYSeries(name + " (raw)", false, true);
            smooth = new XYSeries(name, false, true);
            ema = new Ema(smoothing);
        }

        void append(double x, double y, double sm) {
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, size * 2);
                ys = Arrays.copyOf(ys, size * 2);
                smoothed = Arrays.copyOf(smoothed, size * 2);
            }
            xs[size] = x;
            ys[size] = y;
            smoothed[size++] = sm;
        }
    }

    public CurveFigure(String title, String yLabel) {
        this.title = title;
        this.yLabel = yLabel;
        NumberAxis x = new NumberAxis("step");
        x.setAutoRangeIncludesZero(false);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, x, linearAxis(), renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        // solid hairline grid: JFreeChart's default dashed grid cost a sixth of a live frame's drawing (decision 0044)
        plot.setDomainGridlineStroke(GRID);
        plot.setRangeGridlineStroke(GRID);
        chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        subtitle.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.addSubtitle(subtitle);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        legend.setPosition(RectangleEdge.BOTTOM);
        renderer.setDefaultToolTipGenerator(new org.jfree.chart.labels.StandardXYToolTipGenerator());
        // one path per curve instead of one line object per segment: far fewer draw calls on every frame
        renderer.setDrawSeriesLineAsPath(true);
    }

    private NumberAxis linearAxis() {
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        return y;
    }

    public JFreeChart chart() {
        return chart;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        RenderStyle.prepare(g);
        chart.draw(g, area);
    }

    /** Where a drawn snapshot put its data: the data area and the axis ranges. */
    private record Layout(Rectangle2D data, Range x, Range y, boolean log) {
        double screenY(double v) {
            double f = log ? (Math.log(Math.max(v, 1e-300)) - Math.log(y.getLowerBound()))
                    / (Math.log(y.getUpperBound()) - Math.log(y.getLowerBound()))
                    : (v - y.getLowerBound()) / y.getLength();
            return data.getMaxY() - f * data.getHeight();
        }
    }

    private volatile Layout lastLayout;

    /**
     * The curve point nearest the pointer (at most 12 px away vertically, at the step under it), by the layout of
     * the last snapshot drawn; null before one was drawn.
     */
    @Override
    public String hover(Rectangle2D area, double px, double py) {
        Layout l = lastLayout;
        if (l == null || !l.data().contains(px, py)) {
            return null;
        }
        double step = l.x().getLowerBound() + (px - l.data().getX()) / l.data().getWidth() * l.x().getLength();
        String best = null;
        double bestDy = 12;
        for (var e : curves.entrySet()) {
            XYSeries sm = e.getValue().smooth;
            int n = sm.getItemCount();
            if (n == 0) {
                continue;
            }
            int i = nearest(sm, step);
            double v = sm.getY(i).doubleValue();
            double dy = Math.abs(l.screenY(v) - py);
            if (dy < bestDy) {
                bestDy = dy;
                best = String.format(java.util.Locale.ROOT, "%s: %.4g at step %.0f", e.getKey(), v,
                        sm.getX(i).doubleValue());
            }
        }
        return best;
    }

    /** Index of the shown point whose step is nearest {@code step} (steps are increasing). */
    private static int nearest(XYSeries s, double step) {
        int lo = 0;
        int hi = s.getItemCount() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.getX(mid).doubleValue() < step) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo > 0 && Math.abs(s.getX(lo - 1).doubleValue() - step) <= Math.abs(s.getX(lo).doubleValue() - step)) {
            return lo - 1;
        }
        return lo;
    }

    /** One curve as shown (thinned), copied. */
    private record Shown(String name, boolean thin, double[] x, double[] raw, double[] smooth) {
    }

    private record Mark(double step, String label) {
    }

    /**
     * What the chart shows now, copied (at most {@link #SHOWN_MAX} points per curve), as a figure another thread may
     * draw while this one keeps taking points; its chart is built on the drawing thread, at its first draw.
     */
    @Override
    public Figure snapshot() {
        List<Shown> shown = new ArrayList<>(curves.size());
        curves.forEach((name, c) -> {
            int n = c.raw.getItemCount();
            double[] x = new double[n];
            double[] raw = new double[n];
            double[] smooth = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = c.raw.getX(i).doubleValue();
                raw[i] = c.raw.getY(i).doubleValue();
                smooth[i] = c.smooth.getY(i).doubleValue();
            }
            shown.add(new Shown(name, c.thin, x, raw, smooth));
        });
        List<Mark> marks = markers.stream().map(m -> new Mark(m.getValue(), m.getLabel())).toList();
        String sub = subtitle.getText();
        boolean log = logScale;
        return new Figure() {
            private CurveFigure built;

            @Override
            public String title() {
                return title;
            }

            @Override
            public synchronized void draw(Graphics2D g, Rectangle2D area) {
                if (built == null) {
                    built = rebuilt(shown, marks, sub, log);
                }
                RenderStyle.prepare(g);
                // no entity collection: the hover maps the pointer through the layout below, and collecting an
                // entity with a formatted tooltip for every point took a sixth of each live frame (decision 0044)
                ChartRenderingInfo info = new ChartRenderingInfo(null);
                built.chart.draw(g, area, info);
                XYPlot plot = built.chart.getXYPlot();
                // the live figure's hover maps the pointer through the layout that was last on screen
                lastLayout = new Layout(info.getPlotInfo().getDataArea(), plot.getDomainAxis().getRange(),
                        plot.getRangeAxis().getRange(), log);
            }
        };
    }

    private CurveFigure rebuilt(List<Shown> shown, List<Mark> marks, String sub, boolean log) {
        CurveFigure f = new CurveFigure(title, yLabel);
        f.setLogScale(log);
        f.setSubtitle(sub);
        marks.forEach(m -> f.addMarker(m.step(), m.label()));
        f.data.setNotify(false);
        for (Shown s : shown) {
            Curve c = f.create(s.name(), s.thin());
            for (int i = 0; i < s.x().length; i++) {
                c.raw.add(s.x()[i], s.raw()[i], false);
                c.smooth.add(s.x()[i], s.smooth()[i], false);
            }
        }
        f.data.setNotify(true); // one event: the axes take their ranges from it
        return f;
    }

    /** Stops the chart redrawing on every point; {@link #endBatch()} redraws once. */
    public void beginBatch() {
        chart.setNotify(false);
    }

    public void endBatch() {
        endBatch(true);
    }

    /**
     * Ends a batch; with {@code redraw} false the chart stays quiet (e.g. while it is not on screen) until a later
     * {@code endBatch(true)}, which then redraws once with everything added meanwhile.
     */
    public void endBatch(boolean redraw) {
        if (!redraw) {
            return;
        }
        // one dataset event for the batch: each series event would make the plot rescan every series for its range
        data.setNotify(false);
        for (Curve c : curves.values()) {
            c.raw.fireSeriesChanged();
            c.smooth.fireSeriesChanged();
        }
        data.setNotify(true);
        chart.setNotify(true);
    }

    /** Adds a point to a legend curve (a new name gets the next palette colour). Non-finite values are skipped. */
    public void add(String name, double step, double value) {
        add(name, step, value, false);
    }

    /** Adds a point; {@code thin} curves (e.g. one per task) are drawn thinner and left out of the legend. */
    public void add(String name, double step, double value, boolean thin) {
        if (!Double.isFinite(value)) {
            return;
        }
        Curve c = curves.computeIfAbsent(name, n -> create(n, thin));
        double sm = c.ema.next(value);
        c.append(step, value, sm);
        if ((c.size - 1) % c.stride == 0) {
            c.raw.add(step, value, false);
            c.smooth.add(step, sm, false);
        }
        if (c.raw.getItemCount() > SHOWN_MAX) {
            c.stride *= 2;
            reshow(c);
        }
    }

    /** Refills the shown series from every stride-th point (the last shown point lags the newest by less than a stride). */
    private static void reshow(Curve c) {
        c.raw.clear();
        c.smooth.clear();
        for (int i = 0; i < c.size; i += c.stride) {
            c.raw.add(c.xs[i], c.ys[i], false);
            c.smooth.add(c.xs[i], c.smoothed[i], false);
        }
    }

    private Curve create(String name, boolean thin) {
        Color colour = PALETTE[colours++ % PALETTE.length];
        Curve c = new Curve(name, thin, colour);
        data.addSeries(c.raw);
        style(data.getSeriesCount() - 1, new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60), 1f,
                false);
        data.addSeries(c.smooth);
        style(data.getSeriesCount() - 1, thin ? new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 150)
                : colour, thin ? 1f : 2.2f, !thin);
        return c;
    }

    private void style(int idx, Color paint, float width, boolean inLegend) {
        renderer.setSeriesPaint(idx, paint);
        renderer.setSeriesStroke(idx, new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        renderer.setSeriesVisibleInLegend(idx, inLegend);
    }

    /** Smoothing weight β in [0, 1): recomputes every smoothed curve. */
    public void setSmoothing(double beta) {
        this.smoothing = beta;
        chart.setNotify(false);
        for (Curve c : curves.values()) {
            c.ema = new Ema(beta);
            for (int i = 0; i < c.size; i++) {
                c.smoothed[i] = c.ema.next(c.ys[i]);
            }
            reshow(c);
        }
        endBatch();
    }

    public double smoothing() {
        return smoothing;
    }

    /** Log or linear value axis. On the log axis values at or below zero sit on the axis floor. */
    public void setLogScale(boolean log) {
        if (log == logScale) {
            return;
        }
        logScale = log;
        XYPlot plot = chart.getXYPlot();
        ValueAxis axis;
        if (log) {
            LogAxis la = new LogAxis(yLabel + " (log scale)");
            la.setSmallestValue(1e-12);
            la.setAutoRange(true);
            axis = la;
        } else {
            axis = linearAxis();
        }
        plot.setRangeAxis(axis);
    }

    public boolean logScale() {
        return logScale;
    }

    /** A vertical dashed line at {@code step} with a label. */
    public void addMarker(double step, String label) {
        ValueMarker m = new ValueMarker(step, new Color(120, 120, 120),
                new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        markers.add(m);
        chart.getXYPlot().addDomainMarker(m);
    }

    public List<Double> markerSteps() {
        return markers.stream().map(ValueMarker::getValue).toList();
    }

    /** The line under the title (empty hides it). */
    public void setSubtitle(String text) {
        subtitle.setText(text == null ? "" : text);
        subtitle.setVisible(text != null && !text.isEmpty());
    }

    public String subtitle() {
        return subtitle.getText();
    }

    public void clear() {
        chart.setNotify(false);
        data.removeAllSeries();
        curves.clear();
        colours = 0;
        for (ValueMarker m : markers) {
            chart.getXYPlot().removeDomainMarker(m);
        }
        markers.clear();
        renderer.clearSeriesPaints(false);
        renderer.clearSeriesStrokes(false);
        setSubtitle("");
        chart.setNotify(true);
    }

    public List<String> names() {
        return List.copyOf(curves.keySet());
    }

    public int pointCount(String name) {
        Curve c = curves.get(name);
        return c == null ? 0 : c.size;
    }

    public int totalPoints() {
        return curves.values().stream().mapToInt(c -> c.size).sum();
    }

    /** The smoothed values of a curve at every point, in order (for tests and CSV export). */
    public double[][] smoothed(String name) {
        Curve c = curves.get(name);
        if (c == null) {
            return new double[0][];
        }
        double[][] out = new double[c.size][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new double[] {c.xs[i], c.smoothed[i]};
        }
        return out;
    }

    /** How many points of a curve are drawn (at most about {@link #SHOWN_MAX}). */
    public int shownCount(String name) {
        Curve c = curves.get(name);
        return c == null ? 0 : c.raw.getItemCount();
    }

    /** The raw points of a curve: {step, value} pairs in order. */
    public List<double[]> raw(String name) {
        Curve c = curves.get(name);
        if (c == null) {
            return List.of();
        }
        List<double[]> out = new ArrayList<>(c.size);
        for (int i = 0; i < c.size; i++) {
            out.add(new double[] {c.xs[i], c.ys[i]});
        }
        return List.copyOf(out);
    }
}
