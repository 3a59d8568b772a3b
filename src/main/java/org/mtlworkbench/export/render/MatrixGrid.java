package org.mtlworkbench.export.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * A labelled grid of coloured cells with a legend: the drawing shared by the task-matrix heatmap and the allocation
 * view. Layout is computed from font metrics alone, so hover hit tests agree with what was drawn.
 */
final class MatrixGrid {

    private static final double TITLE_H = 24;
    private static final double LEGEND_W = 74;
    private static final double PAD = 8;

    private final String title;
    private final List<String> rows;
    private final List<String> cols;
    private final double[][] values;
    private final ColorScale scale;
    private final String legendCaption;
    private final boolean square;
    private volatile int hoverRow = -1;
    private volatile int hoverCol = -1;

    MatrixGrid(String title, List<String> rows, List<String> cols, double[][] values, ColorScale scale,
               String legendCaption, boolean square) {
        this.title = title;
        this.rows = List.copyOf(rows);
        this.cols = List.copyOf(cols);
        this.values = values;
        this.scale = scale;
        this.legendCaption = legendCaption;
        this.square = square;
    }

    /** Where things go in {@code area}. */
    record Layout(Rectangle2D grid, double cellW, double cellH, boolean rotateColumnLabels, Rectangle2D legend) {
    }

    Layout layout(Rectangle2D area) {
        double rowLabelW = 0;
        for (String r : rows) {
            rowLabelW = Math.max(rowLabelW, RenderStyle.width(RenderStyle.LABEL, r));
        }
        rowLabelW = Math.min(rowLabelW, area.getWidth() * 0.3) + PAD;
        double colLabelW = 0;
        for (String c : cols) {
            colLabelW = Math.max(colLabelW, RenderStyle.width(RenderStyle.LABEL, c));
        }
        colLabelW = Math.min(colLabelW, area.getHeight() * 0.3);
        double textH = RenderStyle.metrics(RenderStyle.LABEL).getHeight();
        double availW = area.getWidth() - rowLabelW - LEGEND_W - 2 * PAD;
        // try horizontal column labels first; rotate when they do not fit in a cell
        double colLabelH = textH + 4;
        double availH = area.getHeight() - TITLE_H - colLabelH - 2 * PAD;
        double cw = Math.max(1, availW / cols.size());
        double ch = Math.max(1, availH / rows.size());
        if (square) {
            cw = ch = Math.min(cw, ch);
        }
        boolean rotate = colLabelW > cw - 4;
        if (rotate) {
            colLabelH = colLabelW + 6;
            availH = area.getHeight() - TITLE_H - colLabelH - 2 * PAD;
            ch = Math.max(1, availH / rows.size());
            cw = Math.max(1, availW / cols.size());
            if (square) {
                cw = ch = Math.min(cw, ch);
            }
        }
        double gx = area.getX() + PAD + rowLabelW;
        double gy = area.getY() + TITLE_H + colLabelH + PAD;
        Rectangle2D grid = new Rectangle2D.Double(gx, gy, cw * cols.size(), ch * rows.size());
        double legendH = Math.min(grid.getHeight(), 220);
        Rectangle2D legend = new Rectangle2D.Double(grid.getMaxX() + 16, gy + 14, 14, Math.max(40, legendH - 14));
        return new Layout(grid, cw, ch, rotate, legend);
    }

    void draw(Graphics2D g, Rectangle2D area) {
        RenderStyle.prepare(g);
        g.setColor(RenderStyle.BACKGROUND);
        g.fill(area);
        Layout l = layout(area);
        g.setFont(RenderStyle.TITLE);
        g.setColor(RenderStyle.TEXT);
        g.drawString(RenderStyle.fit(title, RenderStyle.TITLE, area.getWidth() - 2 * PAD),
                (float) (area.getX() + PAD), (float) (area.getY() + 17));
        boolean showNumbers = l.cellW() >= 30 && l.cellH() >= 16 && rows.size() * cols.size() <= 900;
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < cols.size(); j++) {
                Rectangle2D cell = cell(l, i, j);
                Color c = scale.colorAt(values[i][j]);
                g.setColor(c);
                g.fill(cell);
                if (showNumbers) {
                    g.setFont(RenderStyle.SMALL);
                    g.setColor(RenderStyle.textOn(c));
                    String s = RenderStyle.fmt(values[i][j]);
                    int w = g.getFontMetrics().stringWidth(s);
                    if (w > l.cellW() - 3) {
                        continue; // a number wider than its cell is left to the hover line
                    }
                    g.drawString(s, (float) (cell.getCenterX() - w / 2.0),
                            (float) (cell.getCenterY() + g.getFontMetrics().getAscent() / 2.0 - 1));
                }
            }
        }
        g.setColor(RenderStyle.MUTED);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(l.grid());
        drawLabels(g, l);
        int hr = hoverRow; // read once: the FX thread may move it while a render thread draws
        int hc = hoverCol;
        if (hr >= 0 && hc >= 0 && hr < rows.size() && hc < cols.size()) {
            g.setColor(RenderStyle.HIGHLIGHT);
            g.setStroke(new BasicStroke(2f));
            g.draw(cell(l, hr, hc));
        }
        scale.drawLegend(g, l.legend(), legendCaption);
    }

    private void drawLabels(Graphics2D g, Layout l) {
        g.setFont(RenderStyle.LABEL);
        var fm = g.getFontMetrics();
        double rowLabelMax = l.grid().getX() - PAD - 4;
        for (int i = 0; i < rows.size(); i++) {
            String s = RenderStyle.fit(rows.get(i), RenderStyle.LABEL, rowLabelMax);
            g.setColor(i == hoverRow ? RenderStyle.HIGHLIGHT : RenderStyle.TEXT);
            double y = l.grid().getY() + (i + 0.5) * l.cellH() + fm.getAscent() / 2.0 - 1;
            g.drawString(s, (float) (l.grid().getX() - 4 - fm.stringWidth(s)), (float) y);
        }
        for (int j = 0; j < cols.size(); j++) {
            String s = cols.get(j);
            g.setColor(j == hoverCol ? RenderStyle.HIGHLIGHT : RenderStyle.TEXT);
            double cx = l.grid().getX() + (j + 0.5) * l.cellW();
            if (l.rotateColumnLabels()) {
                AffineTransform saved = g.getTransform();
                g.translate(cx + fm.getAscent() / 2.0 - 1, l.grid().getY() - 4);
                g.rotate(-Math.PI / 2);
                g.drawString(s, 0f, 0f);
                g.setTransform(saved);
            } else {
                g.drawString(s, (float) (cx - fm.stringWidth(s) / 2.0), (float) (l.grid().getY() - 5));
            }
        }
    }

    private static Rectangle2D cell(Layout l, int i, int j) {
        return new Rectangle2D.Double(l.grid().getX() + j * l.cellW(), l.grid().getY() + i * l.cellH(), l.cellW(),
                l.cellH());
    }

    /** {row, column} under the point, or null. */
    int[] cellAt(Rectangle2D area, double x, double y) {
        Layout l = layout(area);
        if (!l.grid().contains(x, y)) {
            return null;
        }
        int j = (int) ((x - l.grid().getX()) / l.cellW());
        int i = (int) ((y - l.grid().getY()) / l.cellH());
        if (i < 0 || j < 0 || i >= rows.size() || j >= cols.size()) {
            return null;
        }
        return new int[] {i, j};
    }

    String hover(Rectangle2D area, double x, double y, String rowWord, String colWord) {
        int[] c = cellAt(area, x, y);
        if (c == null) {
            clearHover();
            return null;
        }
        hoverRow = c[0];
        hoverCol = c[1];
        return rowWord + " " + rows.get(c[0]) + ", " + colWord + " " + cols.get(c[1]) + ": "
                + String.format(java.util.Locale.ROOT, "%.4g", values[c[0]][c[1]]);
    }

    void clearHover() {
        hoverRow = -1;
        hoverCol = -1;
    }
}
