package org.mtlworkbench.export.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtlworkbench.relatedness.AllocationMatrix;
import org.mtlworkbench.relatedness.GroupSparsity;
import org.mtlworkbench.relatedness.TaskMatrix;
import org.mtlworkbench.relatedness.TaskTree;
import org.mtlworkbench.relatedness.TaskTree.Node;

/** The Graphics2D renderers, drawn headless into images: colours where the values are, hit tests that agree. */
class RendererTest {

    static final Rectangle2D AREA = new Rectangle2D.Double(0, 0, 600, 500);

    /** Two blocks {a, c} and {b, d}: similarity 1 inside a block, 0 across. */
    static TaskMatrix blocks() {
        List<String> t = List.of("a", "b", "c", "d");
        double[][] v = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                v[i][j] = i % 2 == j % 2 ? 1 : 0;
            }
        }
        return new TaskMatrix("co-assignment", t, v, true);
    }

    private static Color pixel(BufferedImage img, double x, double y) {
        return new Color(img.getRGB((int) x, (int) y));
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen())
                + Math.abs(a.getBlue() - b.getBlue());
    }

    @Test
    void heatmapCellsHaveTheColourOfTheirValueAndHoverNamesTheCell() {
        HeatmapRenderer h = new HeatmapRenderer(blocks(), false);
        BufferedImage img = FigureExporter.png(h, 600, 500);
        ColorScale scale = ColorScale.auto(blocks().values());
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                double[] c = centreOf(h, i, j);
                // sample beside the centre: the number drawn in the cell covers the centre itself
                Color seen = pixel(img, c[0] - 0.4 * c[2], c[1] - 0.4 * c[2]);
                assertThat(distance(seen, scale.colorAt(blocks().get(i, j)))).as("cell %d,%d", i, j).isLessThan(12);
            }
        }
        double[] c = centreOf(h, 0, 2);
        assertThat(h.hover(AREA, c[0], c[1])).isEqualTo("task a, task c: 1.000");
        assertThat(h.hover(AREA, 1, 1)).isNull();
    }

    /** {x, y, cell size} of the centre of cell (i, j), found through the renderer's own hit test. */
    static double[] centreOf(HeatmapRenderer h, int i, int j) {
        double minX = Double.MAX_VALUE;
        double maxX = -1;
        double minY = Double.MAX_VALUE;
        double maxY = -1;
        for (int x = 0; x < AREA.getWidth(); x++) {
            for (int y = 0; y < AREA.getHeight(); y += 1) {
                int[] cell = h.cellAt(AREA, x, y);
                if (cell != null && cell[0] == i && cell[1] == j) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertThat(maxX).as("cell %d,%d found", i, j).isPositive();
        return new double[] {(minX + maxX) / 2, (minY + maxY) / 2, maxX - minX};
    }

    @Test
    void clusterOrderPutsBlocksNextToEachOther() {
        HeatmapRenderer h = new HeatmapRenderer(blocks(), true);
        List<String> order = h.taskOrder();
        int ia = order.indexOf("a");
        int ic = order.indexOf("c");
        int ib = order.indexOf("b");
        int id = order.indexOf("d");
        assertThat(Math.abs(ia - ic)).isEqualTo(1);
        assertThat(Math.abs(ib - id)).isEqualTo(1);
    }

    @Test
    void clusterOrderRecoversThreeShuffledBlocks() {
        // 9 tasks in 3 planted groups, interleaved: task i is in group i % 3
        int n = 9;
        double[][] s = new double[n][n];
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = (i % 3 == j % 3 ? 0.8 : 0.1) + 0.05 * rnd.nextDouble();
            }
        }
        int[] order = ClusterOrder.order(s);
        assertThat(order).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8);
        for (int k = 0; k < n; k += 3) {
            int g = order[k] % 3;
            assertThat(order[k + 1] % 3).isEqualTo(g);
            assertThat(order[k + 2] % 3).isEqualTo(g);
        }
    }

    @Test
    void colourScaleIsDivergingForMixedSignsAndWhiteAtZero() {
        ColorScale c = ColorScale.auto(new double[][] {{-0.5, 1}, {1, -0.5}});
        assertThat(c.diverging()).isTrue();
        assertThat(c.min()).isEqualTo(-1);
        assertThat(c.max()).isEqualTo(1);
        assertThat(distance(c.colorAt(0), new Color(0xF7F7F7))).isLessThan(3);
        ColorScale seq = ColorScale.auto(new double[][] {{0.2, 3}});
        assertThat(seq.diverging()).isFalse();
        assertThat(seq.min()).isEqualTo(0);
        assertThat(seq.colorAt(3)).isEqualTo(new Color(0xFDE725)); // viridis top
        assertThat(seq.colorAt(0)).isEqualTo(new Color(0x440154));
        // viridis gets lighter monotonically: readable in grey-scale print
        double last = -1;
        for (double v = 0; v <= 3; v += 0.1) {
            Color col = seq.colorAt(v);
            double lum = 0.299 * col.getRed() + 0.587 * col.getGreen() + 0.114 * col.getBlue();
            assertThat(lum).isGreaterThanOrEqualTo(last - 1e-9);
            last = lum;
        }
    }

    static TaskTree tree() {
        Node ab = Node.merge(Node.leaf("a"), Node.leaf("b"), 1.0);
        Node cd = Node.merge(Node.leaf("c"), Node.leaf("d"), 0.5);
        return new TaskTree("test tree", Node.merge(ab, Node.merge(cd, Node.leaf("e"), 2.0), 4.0));
    }

    @Test
    void dendrogramHoverHighlightsTheTasksUnderANode() {
        DendrogramRenderer d = new DendrogramRenderer(tree());
        // scan a horizontal line through the picture: the nodes found, left to right, are root (height 4) first
        List<String> found = new ArrayList<>();
        for (int y = 0; y < AREA.getHeight(); y += 2) {
            for (int x = 0; x < AREA.getWidth(); x += 2) {
                Node n = d.nodeAt(AREA, x, y);
                if (n != null && !n.isLeaf()) {
                    String s = n.height() + ":" + String.join("", new TaskTree("", n).leaves());
                    if (!found.contains(s)) {
                        found.add(s);
                    }
                }
            }
        }
        assertThat(found).containsExactlyInAnyOrder("4.0:abcde", "1.0:ab", "2.0:cde", "0.5:cd");
        // hover a point of the "cd" node's bar
        for (int y = 0; y < AREA.getHeight(); y++) {
            for (int x = 0; x < AREA.getWidth(); x++) {
                Node n = d.nodeAt(AREA, x, y);
                if (n != null && n.height() == 0.5) {
                    String text = d.hover(AREA, x, y);
                    assertThat(text).isEqualTo("merge at height 0.5000: 2 tasks (c, d)");
                    assertThat(d.highlightedTasks()).containsExactly("c", "d");
                    BufferedImage img = FigureExporter.png(d, 600, 500);
                    assertThat(countColour(img, RenderStyle.HIGHLIGHT)).isPositive();
                    d.clearHover();
                    assertThat(countColour(FigureExporter.png(d, 600, 500), RenderStyle.HIGHLIGHT)).isZero();
                    return;
                }
            }
        }
        throw new AssertionError("no point of the cd node found");
    }

    @Test
    void dendrogramPlacesMergesByHeight() {
        DendrogramRenderer d = new DendrogramRenderer(tree());
        // the x of a node's bar falls as its height rises: root leftmost
        double xRoot = xOfNode(d, 4.0);
        double x2 = xOfNode(d, 2.0);
        double x1 = xOfNode(d, 1.0);
        double xHalf = xOfNode(d, 0.5);
        assertThat(xRoot).isLessThan(x2);
        assertThat(x2).isLessThan(x1);
        assertThat(x1).isLessThan(xHalf);
        // linear in height: (x(1) − x(2)) / (x(0.5) − x(1)) = 1 / 0.5
        assertThat((x1 - x2) / (xHalf - x1)).isCloseTo(2.0, within(0.15));
    }

    private static double xOfNode(DendrogramRenderer d, double height) {
        double sum = 0;
        int n = 0;
        for (int y = 0; y < AREA.getHeight(); y += 3) {
            for (int x = 0; x < AREA.getWidth(); x++) {
                Node node = d.nodeAt(AREA, x, y);
                if (node != null && node.height() == height) {
                    sum += x;
                    n++;
                }
            }
        }
        return sum / n;
    }

    private static int countColour(BufferedImage img, Color c) {
        int k = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (distance(new Color(img.getRGB(x, y)), c) < 30) {
                    k++;
                }
            }
        }
        return k;
    }

    @Test
    void sparsityBarsAreTallerForLargerPrecision() {
        GroupSparsity g = new GroupSparsity("precision", List.of("g1", "g2", "g3"), new double[] {1, 1e4, 10},
                List.of(), new double[0][]);
        SparsityBarsRenderer r = new SparsityBarsRenderer(g, Set.of("g1"));
        BufferedImage img = FigureExporter.png(r, 600, 500);
        int[] heights = new int[3];
        for (int x = 0; x < 600; x++) {
            int gi = r.groupAt(AREA, x, 300);
            if (gi < 0) {
                continue;
            }
            int h = 0;
            for (int y = 0; y < 500; y++) {
                if (distance(new Color(img.getRGB(x, y)), new Color(0, 114, 178)) < 10) {
                    h++;
                }
            }
            heights[gi] = Math.max(heights[gi], h);
        }
        assertThat(heights[1]).isGreaterThan(heights[2]);
        assertThat(heights[2]).isGreaterThan(heights[0]);
        assertThat(heights[0]).isPositive();
        // log axis: 1 → 10 → 10⁴ rise by 1 and 3 decades
        assertThat((double) (heights[1] - heights[2]) / (heights[2] - heights[0])).isCloseTo(3.0, within(0.2));
        int x1 = firstX(r, 0);
        assertThat(r.hover(AREA, x1 + 5, 300)).isEqualTo("group g1: precision ⟨γ⟩ = 1.000 (active in the ground truth)");
    }

    private static int firstX(SparsityBarsRenderer r, int group) {
        for (int x = 0; x < 600; x++) {
            if (r.groupAt(AREA, x, 300) == group) {
                return x;
            }
        }
        return -1;
    }

    @Test
    void allocationUsesAFixedProbabilityScale() {
        AllocationMatrix a = new AllocationMatrix("responsibilities", List.of("t1", "t2"), List.of("c1", "c2"),
                new double[][] {{0.9, 0.1}, {0.2, 0.8}});
        AllocationRenderer r = new AllocationRenderer(a);
        BufferedImage img = FigureExporter.png(r, 500, 400);
        assertThat(img.getWidth()).isEqualTo(500);
        // hover walks the grid: every cell is reachable and named
        List<String> seen = new ArrayList<>();
        for (int y = 0; y < 400; y += 4) {
            for (int x = 0; x < 500; x += 4) {
                String s = r.hover(new Rectangle2D.Double(0, 0, 500, 400), x, y);
                if (s != null && !seen.contains(s)) {
                    seen.add(s);
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("task t1, component c1: 0.9000", "task t1, component c2: 0.1000",
                "task t2, component c1: 0.2000", "task t2, component c2: 0.8000");
    }
}
