package org.mtlworkbench.export.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Fonts and colours shared by the renderers, and font metrics available without a screen. */
final class RenderStyle {

    static final Color BACKGROUND = Color.WHITE;
    static final Color TEXT = new Color(33, 33, 33);
    static final Color MUTED = new Color(110, 110, 110);
    static final Color GRID = new Color(225, 225, 225);
    static final Color HIGHLIGHT = new Color(213, 94, 0); // Okabe–Ito vermillion
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);

    private static final Graphics2D MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();

    private RenderStyle() {
    }

    /** Metrics for layout outside a draw call (hover hit tests), the same as a BufferedImage's. */
    static synchronized FontMetrics metrics(Font f) {
        return MEASURE.getFontMetrics(f);
    }

    static int width(Font f, String s) {
        return metrics(f).stringWidth(s);
    }

    static void prepare(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** Black or white, whichever reads better on {@code c}. */
    static Color textOn(Color c) {
        double lum = (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255.0;
        return lum > 0.55 ? TEXT : Color.WHITE;
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e5)) {
            return String.format(java.util.Locale.ROOT, "%.2e", v);
        }
        return String.format(java.util.Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    /** {@code s} cut to at most {@code maxWidth} pixels with an ellipsis. */
    static String fit(String s, Font f, double maxWidth) {
        if (width(f, s) <= maxWidth) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && width(f, t + "…") > maxWidth) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
