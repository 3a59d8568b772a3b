package org.mtlworkbench.export.render;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * Something that draws itself through {@link Graphics2D}: the one drawing routine behind the screen (FXGraphics2D on
 * a canvas), SVG (JFreeSVG), PDF (JFreePDF) and PNG (a BufferedImage), so an export is exactly what the screen shows.
 */
public interface Figure {

    /** A short title, also used for file names. */
    String title();

    /** Draws the whole figure into {@code area}. */
    void draw(Graphics2D g, Rectangle2D area);

    /**
     * What lies under the point (x, y) of a figure drawn into {@code area}, for a tooltip; null when nothing. A figure
     * may remember it to highlight it at the next {@link #draw} (the tree highlights the tasks under a node).
     */
    default String hover(Rectangle2D area, double x, double y) {
        return null;
    }

    /**
     * A copy that another thread may draw while this figure keeps changing (the screen draws on a render thread).
     * Figures that never change after construction, apart from the hover highlight, return themselves.
     */
    default Figure snapshot() {
        return this;
    }

    /** Forgets any hover highlight (before an export, or when the pointer leaves). */
    default void clearHover() {
    }
}
