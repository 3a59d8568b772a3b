package org.mtlworkbench.app;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mtlworkbench.export.render.AllocationRenderer;
import org.mtlworkbench.export.render.DendrogramRenderer;
import org.mtlworkbench.export.render.Figure;
import org.mtlworkbench.export.render.HeatmapRenderer;
import org.mtlworkbench.export.render.SparsityBarsRenderer;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.GroupSparsity;
import org.mtlworkbench.relatedness.RelatednessView;
import org.mtlworkbench.relatedness.TaskMatrix;
import org.mtlworkbench.relatedness.TaskTree;

/** Picks the renderer for each kind of relatedness view, so any model's views show without GUI changes. */
final class Figures {

    private Figures() {
    }

    /** The figure of a learned view. */
    static Figure of(RelatednessView v, boolean clusterOrder, GroundTruth truth) {
        if (v instanceof TaskMatrix m) {
            return new HeatmapRenderer(m, clusterOrder && m.size() > 2);
        } else if (v instanceof TaskTree t) {
            return new DendrogramRenderer(t);
        } else if (v instanceof AllocationMatrix a) {
            return new AllocationRenderer(a);
        } else if (v instanceof GroupSparsity g) {
            return new SparsityBarsRenderer(g, activeNames(g, truth));
        }
        throw new IllegalArgumentException("no figure for " + v.getClass().getName());
    }

    /** The figure of a truth view shown beside {@code learnedFigure}: matrices in the learned figure's task order. */
    static Figure truthBeside(RelatednessView truthView, Figure learnedFigure) {
        if (truthView instanceof TaskMatrix t && learnedFigure instanceof HeatmapRenderer h) {
            List<String> order = h.taskOrder();
            if (new HashSet<>(order).equals(new HashSet<>(t.tasks())) && order.size() == t.size()) {
                double[][] v = new double[order.size()][order.size()];
                for (int i = 0; i < order.size(); i++) {
                    for (int j = 0; j < order.size(); j++) {
                        v[i][j] = t.get(t.tasks().indexOf(order.get(i)), t.tasks().indexOf(order.get(j)));
                    }
                }
                return new HeatmapRenderer(new TaskMatrix(t.title(), order, v, t.symmetric()), false);
            }
        }
        return of(truthView, false, GroundTruth.NONE);
    }

    /** Names of the learned groups active in the truth, matched by position when the group counts agree. */
    private static Set<String> activeNames(GroupSparsity g, GroundTruth truth) {
        Set<String> out = new HashSet<>();
        if (truth.groupCount() != g.groups().size()) {
            return out; // grouped differently from the truth: no position matching
        }
        for (int i : truth.activeGroups()) {
            if (i >= 0 && i < g.groups().size()) {
                out.add(g.groups().get(i));
            }
        }
        return out;
    }
}
