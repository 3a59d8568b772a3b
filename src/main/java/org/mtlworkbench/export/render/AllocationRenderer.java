package org.mtlworkbench.export.render;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.mtlworkbench.relatedness.AllocationMatrix;

/**
 * An {@link AllocationMatrix} (task × component, e.g. cluster responsibilities or routing probabilities) as a grid:
 * one row per task, one column per component, viridis from 0 to the largest value (1 for probabilities), so a task
 * that uses one component shows one bright cell in its row.
 */
public final class AllocationRenderer implements Figure {

    private final AllocationMatrix allocation;
    private final MatrixGrid grid;

    public AllocationRenderer(AllocationMatrix allocation) {
        this.allocation = allocation;
        double[][] v = allocation.values();
        ColorScale auto = ColorScale.auto(v);
        // probabilities: a fixed 0..1 scale makes live frames comparable
        ColorScale scale = auto.min() >= 0 && auto.max() <= 1 ? new ColorScale(0, 1, false) : auto;
        this.grid = new MatrixGrid(allocation.title(), allocation.tasks(), allocation.components(), v, scale,
                "share", false);
    }

    public AllocationMatrix allocation() {
        return allocation;
    }

    @Override
    public String title() {
        return allocation.title();
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        grid.draw(g, area);
    }

    @Override
    public String hover(Rectangle2D area, double x, double y) {
        return grid.hover(area, x, y, "task", "component");
    }

    @Override
    public void clearHover() {
        grid.clearHover();
    }
}
