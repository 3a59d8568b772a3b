package org.mtlworkbench.export.render;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;

/** A JFreeChart as a {@link Figure}: the chart draws itself through Graphics2D, on screen and in every export. */
public record ChartFigure(JFreeChart chart, String title) implements Figure {

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        RenderStyle.prepare(g);
        chart.draw(g, area);
    }
}
