package org.mtlworkbench.export.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mtlworkbench.relatedness.GroupSparsity;

/**
 * A {@link GroupSparsity} as bars: one bar per feature group, height the posterior mean precision ⟨γ⟩ on a log
 * axis (a tall bar = the group is switched off). Groups that are active in a scenario's ground truth get a dot under
 * their label, so the learned pattern and the truth read off one picture.
 */
public final class SparsityBarsRenderer implements Figure {

    private static final double PAD = 10;
    private static final double TITLE_H = 24;
    private static final double AXIS_W = 58;
    private static final Color BAR = new Color(0, 114, 178);
    private static final Color TRUTH = new Color(0, 158, 115); // Okabe–Ito bluish green

    private final GroupSparsity sparsity;
    private final Set<String> trulyActive;
    private final double[] precision;
    private final double logLo;
    private final double logHi;
    private volatile int hover = -1; // set on the FX thread, read by the render thread

    /**
     * @param trulyActive names of the groups active in the ground truth (marked), or an empty set when unknown
     */
    public SparsityBarsRenderer(GroupSparsity sparsity, Set<String> trulyActive) {
        this.sparsity = sparsity;
        this.trulyActive = Set.copyOf(trulyActive);
        this.precision = sparsity.precision();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double p : precision) {
            if (p > 0 && Double.isFinite(p)) {
                lo = Math.min(lo, Math.log10(p));
                hi = Math.max(hi, Math.log10(p));
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            lo = 0;
            hi = 1;
        }
        this.logLo = Math.floor(lo) - 1; // the smallest bar still shows
        this.logHi = Math.max(Math.ceil(hi), logLo + 1);
    }

    public GroupSparsity sparsity() {
        return sparsity;
    }

    @Override
    public String title() {
        return sparsity.title();
    }

    private record Layout(Rectangle2D plot, double barW, boolean rotate, double labelH) {
    }

    private Layout layout(Rectangle2D area) {
        List<String> groups = sparsity.groups();
        double labelW = 0;
        for (String s : groups) {
            labelW = Math.max(labelW, RenderStyle.width(RenderStyle.LABEL, s));
        }
        double x = area.getX() + PAD + AXIS_W;
        double w = area.getWidth() - 2 * PAD - AXIS_W;
        double barW = w / Math.max(1, groups.size());
        boolean rotate = labelW > barW - 4;
        double textH = RenderStyle.metrics(RenderStyle.LABEL).getHeight();
        double labelH = (rotate ? Math.min(labelW, area.getHeight() * 0.3) : textH) + 20;
        double y = area.getY() + TITLE_H + PAD + 14;
        double h = area.getHeight() - TITLE_H - 2 * PAD - 14 - labelH - (trulyActive.isEmpty() ? 0 : 16);
        return new Layout(new Rectangle2D.Double(x, y, w, Math.max(10, h)), barW, rotate, labelH);
    }

    private double yOf(Layout l, double p) {
        double lp = p > 0 && Double.isFinite(p) ? Math.log10(p) : logLo;
        double t = (Math.max(logLo, Math.min(logHi, lp)) - logLo) / (logHi - logLo);
        return l.plot().getMaxY() - t * l.plot().getHeight();
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        RenderStyle.prepare(g);
        g.setColor(RenderStyle.BACKGROUND);
        g.fill(area);
        Layout l = layout(area);
        Rectangle2D p = l.plot();
        g.setFont(RenderStyle.TITLE);
        g.setColor(RenderStyle.TEXT);
        g.drawString(RenderStyle.fit(sparsity.title(), RenderStyle.TITLE, area.getWidth() - 2 * PAD),
                (float) (area.getX() + PAD), (float) (area.getY() + 17));
        g.setFont(RenderStyle.SMALL);
        var fm = g.getFontMetrics();
        g.setColor(RenderStyle.MUTED);
        g.drawString("precision ⟨γ⟩, log scale (tall = group switched off)", (float) p.getX(), (float) (p.getY() - 8));
        // decades
        g.setStroke(new BasicStroke(1f));
        for (int d = (int) logLo; d <= (int) logHi; d++) {
            double y = yOf(l, Math.pow(10, d));
            g.setColor(RenderStyle.GRID);
            g.draw(new Line2D.Double(p.getX(), y, p.getMaxX(), y));
            g.setColor(RenderStyle.TEXT);
            String s = "1e" + d;
            g.drawString(s, (float) (p.getX() - 6 - fm.stringWidth(s)), (float) (y + fm.getAscent() / 2.0 - 1));
        }
        List<String> groups = sparsity.groups();
        for (int i = 0; i < groups.size(); i++) {
            double x0 = p.getX() + i * l.barW() + l.barW() * 0.15;
            double y = yOf(l, precision[i]);
            g.setColor(i == hover ? RenderStyle.HIGHLIGHT : BAR);
            g.fill(new Rectangle2D.Double(x0, y, l.barW() * 0.7, p.getMaxY() - y));
        }
        g.setColor(RenderStyle.MUTED);
        g.draw(new Line2D.Double(p.getX(), p.getMaxY(), p.getMaxX(), p.getMaxY()));
        g.draw(new Line2D.Double(p.getX(), p.getY(), p.getX(), p.getMaxY()));
        drawGroupLabels(g, l);
        if (!trulyActive.isEmpty()) {
            g.setFont(RenderStyle.SMALL);
            double y = area.getMaxY() - PAD;
            g.setColor(TRUTH);
            g.fill(new Ellipse2D.Double(p.getX(), y - 8, 8, 8));
            g.setColor(RenderStyle.TEXT);
            g.drawString("active in the ground truth", (float) (p.getX() + 12), (float) y);
        }
    }

    private void drawGroupLabels(Graphics2D g, Layout l) {
        Rectangle2D p = l.plot();
        List<String> groups = sparsity.groups();
        for (int i = 0; i < groups.size(); i++) {
            boolean truth = trulyActive.contains(groups.get(i));
            g.setFont(truth ? RenderStyle.LABEL.deriveFont(Font.BOLD) : RenderStyle.LABEL);
            var fm = g.getFontMetrics();
            double cx = p.getX() + (i + 0.5) * l.barW();
            String s = groups.get(i);
            g.setColor(i == hover ? RenderStyle.HIGHLIGHT : RenderStyle.TEXT);
            if (l.rotate()) {
                AffineTransform saved = g.getTransform();
                g.translate(cx + fm.getAscent() / 2.0 - 1, p.getMaxY() + 6);
                g.rotate(Math.PI / 2);
                g.drawString(s, 0f, 0f);
                g.setTransform(saved);
            } else {
                g.drawString(s, (float) (cx - fm.stringWidth(s) / 2.0), (float) (p.getMaxY() + 4 + fm.getAscent()));
            }
            if (truth) {
                g.setColor(TRUTH);
                g.fill(new Ellipse2D.Double(cx - 4, p.getMaxY() + l.labelH() - 10, 8, 8));
            }
        }
    }

    /** Index of the group under the point, or −1. */
    public int groupAt(Rectangle2D area, double x, double y) {
        Layout l = layout(area);
        Rectangle2D p = l.plot();
        if (x < p.getX() || x >= p.getMaxX() || y < p.getY() || y > p.getMaxY() + l.labelH()) {
            return -1;
        }
        return Math.min(sparsity.groups().size() - 1, (int) ((x - p.getX()) / l.barW()));
    }

    @Override
    public String hover(Rectangle2D area, double x, double y) {
        hover = groupAt(area, x, y);
        if (hover < 0) {
            return null;
        }
        String g = sparsity.groups().get(hover);
        return String.format(Locale.ROOT, "group %s: precision ⟨γ⟩ = %.4g%s", g, precision[hover],
                trulyActive.contains(g) ? " (active in the ground truth)" : "");
    }

    @Override
    public void clearHover() {
        hover = -1;
    }
}
