package org.mtlworkbench.export.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * A lesson's equation, typeset from LaTeX by JLaTeXMath and drawn through Graphics2D like every other figure, so
 * it shows on screen and exports to PNG, SVG and PDF with the figures. The formula is laid out once at
 * {@link #BASE_SIZE} points and scaled to fit the area (never enlarged beyond {@code maxScale}).
 */
public final class EquationFigure implements Figure {

    /** Point size the formula is laid out at. */
    public static final float BASE_SIZE = 24f;

    private final String title;
    private final String latex;
    private final TeXIcon icon;
    private Color color = Color.BLACK;
    private double maxScale = 1.5;

    /** @throws IllegalArgumentException naming the problem when {@code latex} does not parse */
    public EquationFigure(String title, String latex) {
        this.title = title;
        this.latex = latex;
        try {
            icon = new TeXFormula(latex).createTeXIcon(TeXConstants.STYLE_DISPLAY, BASE_SIZE);
        } catch (ParseException e) {
            throw new IllegalArgumentException("the equation \"" + latex + "\" is not valid LaTeX: " + e.getMessage(),
                    e);
        }
    }

    public String latex() {
        return latex;
    }

    /** The ink colour (white on a dark presenter theme). */
    public EquationFigure withColor(Color c) {
        color = c;
        return this;
    }

    /** The largest magnification when the area is larger than the formula (presenter mode uses more). */
    public EquationFigure withMaxScale(double s) {
        maxScale = s;
        return this;
    }

    /** Width and height of the formula at {@link #BASE_SIZE}, in pixels. */
    public int naturalWidth() {
        return icon.getIconWidth();
    }

    public int naturalHeight() {
        return icon.getIconHeight();
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        double w = Math.max(1, icon.getIconWidth());
        double h = Math.max(1, icon.getIconHeight());
        double s = Math.min(maxScale, Math.min(area.getWidth() / w, area.getHeight() / h));
        AffineTransform saved = g.getTransform();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.translate(area.getX() + (area.getWidth() - w * s) / 2, area.getY() + (area.getHeight() - h * s) / 2);
        g.scale(s, s);
        icon.setForeground(color);
        icon.paintIcon(null, g, 0, 0);
        g.setTransform(saved);
    }

    /** The formula alone on a transparent image, {@code scale} times its natural size. */
    public BufferedImage toImage(double scale) {
        int w = (int) Math.ceil(icon.getIconWidth() * scale) + 2;
        int h = (int) Math.ceil(icon.getIconHeight() * scale) + 2;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            double saved = maxScale;
            maxScale = scale;
            draw(g, new Rectangle2D.Double(0, 0, w, h));
            maxScale = saved;
        } finally {
            g.dispose();
        }
        return img;
    }
}
