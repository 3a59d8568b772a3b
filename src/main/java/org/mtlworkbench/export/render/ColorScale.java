package org.mtlworkbench.export.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * Maps numbers to colour-blind-safe colours: viridis for values of one sign, ColorBrewer's PuOr (orange below zero,
 * purple above, white at zero) when a matrix holds both signs. Both stay readable with the common colour-vision
 * deficiencies and in grey-scale print (viridis is monotone in lightness).
 */
public final class ColorScale {

    private static final Color[] VIRIDIS = hex("440154", "482878", "3E4A89", "31688E", "26828E", "1F9E89",
            "35B779", "6DCD59", "B4DE2C", "FDE725");
    private static final Color[] PUOR = hex("B35806", "E08214", "FDB863", "FEE0B6", "F7F7F7", "D8DAEB", "B2ABD2",
            "8073AC", "542788");

    private final double min;
    private final double max;
    private final boolean diverging;

    public ColorScale(double min, double max, boolean diverging) {
        if (!(max > min)) {
            max = min + 1; // a constant matrix still gets one colour and a legend
        }
        this.min = min;
        this.max = max;
        this.diverging = diverging;
    }

    /** Sequential from min(0, smallest) to the largest value; diverging, symmetric about 0, when both signs occur. */
    public static ColorScale auto(double[][] values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return new ColorScale(0, 1, false);
        }
        if (lo < 0 && hi > 0) {
            double m = Math.max(-lo, hi);
            return new ColorScale(-m, m, true);
        }
        return new ColorScale(Math.min(0, lo), hi, false);
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public boolean diverging() {
        return diverging;
    }

    /** The colour of {@code v} (clamped to the range); grey for NaN. */
    public Color colorAt(double v) {
        if (Double.isNaN(v)) {
            return new Color(200, 200, 200);
        }
        double t = (v - min) / (max - min);
        return interpolate(diverging ? PUOR : VIRIDIS, Math.max(0, Math.min(1, t)));
    }

    private static Color interpolate(Color[] stops, double t) {
        double pos = t * (stops.length - 1);
        int i = Math.min((int) Math.floor(pos), stops.length - 2);
        double f = pos - i;
        Color a = stops[i];
        Color b = stops[i + 1];
        return new Color(mix(a.getRed(), b.getRed(), f), mix(a.getGreen(), b.getGreen(), f),
                mix(a.getBlue(), b.getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    /** A vertical colour bar with its smallest, middle and largest value, and a caption above it. */
    void drawLegend(Graphics2D g, Rectangle2D bar, String caption) {
        int steps = (int) Math.max(2, bar.getHeight());
        for (int k = 0; k < steps; k++) {
            double t = 1 - (double) k / (steps - 1);
            g.setColor(colorAt(min + t * (max - min)));
            g.fill(new Rectangle2D.Double(bar.getX(), bar.getY() + bar.getHeight() * k / steps, bar.getWidth(),
                    bar.getHeight() / steps + 1));
        }
        g.setColor(RenderStyle.MUTED);
        g.draw(bar);
        g.setFont(RenderStyle.SMALL);
        int asc = g.getFontMetrics().getAscent();
        double x = bar.getMaxX() + 4;
        g.setColor(RenderStyle.TEXT);
        g.drawString(RenderStyle.fmt(max), (float) x, (float) (bar.getY() + asc));
        g.drawString(RenderStyle.fmt((min + max) / 2), (float) x, (float) (bar.getCenterY() + asc / 2.0));
        g.drawString(RenderStyle.fmt(min), (float) x, (float) bar.getMaxY());
        if (caption != null && !caption.isEmpty()) {
            g.drawString(caption, (float) bar.getX(), (float) (bar.getY() - 6));
        }
    }

    private static Color[] hex(String... codes) {
        Color[] out = new Color[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = new Color(Integer.parseInt(codes[i], 16));
        }
        return out;
    }
}
