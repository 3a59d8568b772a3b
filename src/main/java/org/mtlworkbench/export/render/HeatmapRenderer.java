package org.mtlworkbench.export.render;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.mtlworkbench.relatedness.TaskMatrix;

/**
 * A {@link TaskMatrix} as a heatmap: task labels on both axes, a colour-blind-safe palette with a legend (diverging
 * when the matrix has both signs), numbers in the cells when they fit, the value under the pointer on hover, and
 * optionally the tasks reordered by hierarchical clustering so that groups of related tasks form blocks.
 */
public final class HeatmapRenderer implements Figure {

    private final TaskMatrix matrix;
    private final List<String> order;
    private final MatrixGrid grid;

    public HeatmapRenderer(TaskMatrix matrix, boolean clusterOrder) {
        this(matrix, clusterOrder, ColorScale.auto(matrix.values()));
    }

    /** With a given colour scale (e.g. a shared one, so a learned and a true matrix compare by colour). */
    public HeatmapRenderer(TaskMatrix matrix, boolean clusterOrder, ColorScale scale) {
        this.matrix = matrix;
        double[][] v = matrix.values();
        List<String> labels = matrix.tasks();
        if (clusterOrder) {
            int[] perm = ClusterOrder.order(v);
            v = ClusterOrder.permute(v, perm);
            labels = ClusterOrder.permute(labels, perm);
        }
        this.order = labels;
        this.grid = new MatrixGrid(matrix.title(), labels, labels, v, scale, "value", true);
    }

    /** The task order shown (rows top to bottom, columns left to right). */
    public List<String> taskOrder() {
        return order;
    }

    public TaskMatrix matrix() {
        return matrix;
    }

    @Override
    public String title() {
        return matrix.title();
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        grid.draw(g, area);
    }

    /** {row, column} indices into {@link #taskOrder()} of the cell under the point, or null. */
    public int[] cellAt(Rectangle2D area, double x, double y) {
        return grid.cellAt(area, x, y);
    }

    @Override
    public String hover(Rectangle2D area, double x, double y) {
        return grid.hover(area, x, y, "task", "task");
    }

    @Override
    public void clearHover() {
        grid.clearHover();
    }
}
