package org.mtlworkbench.export.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mtlworkbench.relatedness.TaskTree;
import org.mtlworkbench.relatedness.TaskTree.Node;

/**
 * A {@link TaskTree} as a dendrogram: root on the left, tasks on the right at height 0, merge heights on an axis at
 * the bottom and each branch's length written on it when there is room. Hovering a node highlights the tasks under
 * it and names them.
 */
public final class DendrogramRenderer implements Figure {

    private static final double PAD = 10;
    private static final double TITLE_H = 24;
    private static final double AXIS_H = 34;
    private static final Color BRANCH = new Color(0, 114, 178); // Okabe–Ito blue

    private final TaskTree tree;
    private final List<String> leaves;
    private final double rootHeight;
    private volatile Node highlighted; // set on the FX thread, read by the render thread

    public DendrogramRenderer(TaskTree tree) {
        this.tree = tree;
        this.leaves = tree.leaves();
        this.rootHeight = tree.root().height() > 0 ? tree.root().height() : 1.0;
    }

    public TaskTree tree() {
        return tree;
    }

    @Override
    public String title() {
        return tree.title();
    }

    private record Layout(double left, double right, double top, double bottom, double rowH,
                          Map<Node, Double> ys) {
        double x(double height, double rootHeight) {
            return right - height / rootHeight * (right - left);
        }
    }

    private Layout layout(Rectangle2D area) {
        double labelW = 0;
        for (String l : leaves) {
            labelW = Math.max(labelW, RenderStyle.width(RenderStyle.LABEL, l));
        }
        labelW = Math.min(labelW, area.getWidth() * 0.35);
        double left = area.getX() + PAD + 8;
        double right = area.getMaxX() - PAD - labelW - 8;
        double top = area.getY() + TITLE_H + PAD;
        double bottom = area.getMaxY() - AXIS_H;
        double rowH = (bottom - top) / Math.max(1, leaves.size());
        Map<Node, Double> ys = new IdentityHashMap<>();
        int[] next = {0};
        place(tree.root(), top, rowH, ys, next);
        return new Layout(left, right, top, bottom, rowH, ys);
    }

    private static double place(Node n, double top, double rowH, Map<Node, Double> ys, int[] next) {
        double y;
        if (n.isLeaf()) {
            y = top + (next[0]++ + 0.5) * rowH;
        } else {
            y = (place(n.left(), top, rowH, ys, next) + place(n.right(), top, rowH, ys, next)) / 2;
        }
        ys.put(n, y);
        return y;
    }

    @Override
    public void draw(Graphics2D g, Rectangle2D area) {
        RenderStyle.prepare(g);
        g.setColor(RenderStyle.BACKGROUND);
        g.fill(area);
        Layout l = layout(area);
        g.setFont(RenderStyle.TITLE);
        g.setColor(RenderStyle.TEXT);
        g.drawString(RenderStyle.fit(tree.title(), RenderStyle.TITLE, area.getWidth() - 2 * PAD),
                (float) (area.getX() + PAD), (float) (area.getY() + 17));
        drawAxis(g, l);
        Node h = highlighted; // read once: the FX thread may change it while a render thread draws
        List<Node> under = h == null ? List.of() : subtree(h);
        boolean lengths = leaves.size() <= 40;
        drawNode(g, l, tree.root(), under, lengths);
        // root stub
        double rx = l.x(tree.root().height(), rootHeight);
        g.setColor(under.contains(tree.root()) ? RenderStyle.HIGHLIGHT : BRANCH);
        g.draw(new Line2D.Double(rx - 8, l.ys().get(tree.root()), rx, l.ys().get(tree.root())));
        g.setFont(RenderStyle.LABEL);
        var fm = g.getFontMetrics();
        for (Map.Entry<Node, Double> e : l.ys().entrySet()) {
            Node n = e.getKey();
            if (n.isLeaf()) {
                g.setColor(under.contains(n) ? RenderStyle.HIGHLIGHT : RenderStyle.TEXT);
                String s = RenderStyle.fit(n.task(), RenderStyle.LABEL, area.getMaxX() - l.right() - PAD - 6);
                g.drawString(s, (float) (l.x(n.height(), rootHeight) + 6),
                        (float) (e.getValue() + fm.getAscent() / 2.0 - 1));
            }
        }
    }

    private void drawNode(Graphics2D g, Layout l, Node n, List<Node> under, boolean lengths) {
        if (n.isLeaf()) {
            return;
        }
        double x = l.x(n.height(), rootHeight);
        double y1 = l.ys().get(n.left());
        double y2 = l.ys().get(n.right());
        boolean hot = under.contains(n);
        g.setStroke(new BasicStroke(hot ? 2.6f : 1.6f));
        g.setColor(hot ? RenderStyle.HIGHLIGHT : BRANCH);
        g.draw(new Line2D.Double(x, y1, x, y2));
        for (Node c : List.of(n.left(), n.right())) {
            double cx = l.x(c.height(), rootHeight);
            double cy = l.ys().get(c);
            boolean childHot = under.contains(c);
            g.setStroke(new BasicStroke(childHot ? 2.6f : 1.6f));
            g.setColor(childHot ? RenderStyle.HIGHLIGHT : BRANCH);
            g.draw(new Line2D.Double(x, cy, cx, cy));
            if (lengths) {
                String s = RenderStyle.fmt(n.height() - c.height());
                g.setFont(RenderStyle.SMALL);
                int w = g.getFontMetrics().stringWidth(s);
                if (cx - x > w + 6 && l.rowH() >= 14) {
                    g.setColor(RenderStyle.MUTED);
                    g.drawString(s, (float) ((x + cx) / 2 - w / 2.0), (float) (cy - 3));
                }
            }
            drawNode(g, l, c, under, lengths);
        }
    }

    private void drawAxis(Graphics2D g, Layout l) {
        double y = l.bottom() + 6;
        g.setStroke(new BasicStroke(1f));
        g.setColor(RenderStyle.MUTED);
        g.draw(new Line2D.Double(l.left(), y, l.right(), y));
        g.setFont(RenderStyle.SMALL);
        var fm = g.getFontMetrics();
        double step = niceStep(rootHeight / 5);
        for (double h = 0; h <= rootHeight * (1 + 1e-9); h += step) {
            double x = l.x(h, rootHeight);
            g.draw(new Line2D.Double(x, y, x, y + 4));
            String s = RenderStyle.fmt(h);
            g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), (float) (y + 5 + fm.getAscent()));
        }
        String cap = "merge height (0 = tasks)";
        g.drawString(cap, (float) ((l.left() + l.right()) / 2 - fm.stringWidth(cap) / 2.0),
                (float) (y + 8 + 2 * fm.getAscent()));
    }

    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    private static List<Node> subtree(Node n) {
        List<Node> out = new ArrayList<>();
        collect(n, out);
        return out;
    }

    private static void collect(Node n, List<Node> out) {
        out.add(n);
        if (!n.isLeaf()) {
            collect(n.left(), out);
            collect(n.right(), out);
        }
    }

    /** The node under the point: an internal node near its vertical bar, or a leaf on its row; null when none. */
    public Node nodeAt(Rectangle2D area, double px, double py) {
        Layout l = layout(area);
        Node best = null;
        double bestDist = 7;
        for (Map.Entry<Node, Double> e : l.ys().entrySet()) {
            Node n = e.getKey();
            if (n.isLeaf()) {
                continue;
            }
            double x = l.x(n.height(), rootHeight);
            double y1 = Math.min(l.ys().get(n.left()), l.ys().get(n.right()));
            double y2 = Math.max(l.ys().get(n.left()), l.ys().get(n.right()));
            if (py >= y1 - 4 && py <= y2 + 4 && Math.abs(px - x) < bestDist) {
                bestDist = Math.abs(px - x);
                best = n;
            }
        }
        if (best != null) {
            return best;
        }
        if (px > l.right() - 4 && px < area.getMaxX()) {
            for (Map.Entry<Node, Double> e : l.ys().entrySet()) {
                if (e.getKey().isLeaf() && Math.abs(py - e.getValue()) <= l.rowH() / 2) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    @Override
    public String hover(Rectangle2D area, double x, double y) {
        Node n = nodeAt(area, x, y);
        highlighted = n;
        if (n == null) {
            return null;
        }
        if (n.isLeaf()) {
            return "task " + n.task();
        }
        List<String> names = new TaskTree("", n).leaves();
        return String.format(Locale.ROOT, "merge at height %.4g: %d tasks (%s)", n.height(), names.size(),
                String.join(", ", names));
    }

    /** The tasks under the highlighted node (empty when none). */
    public List<String> highlightedTasks() {
        Node h = highlighted;
        return h == null ? List.of() : new TaskTree("", h).leaves();
    }

    @Override
    public void clearHover() {
        highlighted = null;
    }
}
