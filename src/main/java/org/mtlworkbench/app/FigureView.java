package org.mtlworkbench.app;

import java.awt.geom.Rectangle2D;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.jfree.fx.FXGraphics2D;
import org.mtlworkbench.export.render.Figure;

/**
 * A {@link Figure} on screen: drawn by the figure's own Graphics2D routine through FXGraphics2D onto a canvas, with
 * the thing under the pointer named in a hover line (and highlighted by the figure), wheel zoom about the pointer,
 * drag to pan and double-click to reset. Exports draw the same figure unzoomed.
 */
final class FigureView extends StackPane {

    /** Presenter mode draws every figure this much larger (fonts and lines alike); 1 normally. */
    private static double drawScale = 1;

    private final Canvas canvas = new Canvas();
    private final FXGraphics2D g2 = new FXGraphics2D(canvas.getGraphicsContext2D());
    private final Label hoverLine = new Label();
    private Figure figure;
    private double zoom = 1;
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;
    private double lastMouseX = Double.NaN;
    private double lastMouseY = Double.NaN;

    FigureView(Figure figure) {
        this.figure = figure;
        setMinSize(160, 120);
        setPrefSize(420, 360);
        getChildren().addAll(canvas, hoverLine);
        StackPane.setAlignment(hoverLine, Pos.BOTTOM_LEFT);
        hoverLine.setPadding(new Insets(2, 6, 2, 6));
        hoverLine.setStyle("-fx-background-color: rgba(255,255,255,0.9); -fx-text-fill: #222; -fx-font-size: 11px;");
        hoverLine.setVisible(false);
        hoverLine.setMouseTransparent(true);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> redraw());
        canvas.heightProperty().addListener(o -> redraw());
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> {
            lastMouseX = Double.NaN;
            this.figure.clearHover();
            hoverLine.setVisible(false);
            redraw();
        });
        canvas.setOnScroll(e -> {
            double factor = e.getDeltaY() > 0 ? 1.15 : 1 / 1.15;
            zoomAt(e.getX(), e.getY(), factor);
        });
        canvas.setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        canvas.setOnMouseDragged(e -> {
            if (e.getButton() == MouseButton.PRIMARY && zoom > 1) {
                panX += e.getX() - dragX;
                panY += e.getY() - dragY;
                dragX = e.getX();
                dragY = e.getY();
                clampPan();
                redraw();
            }
        });
        canvas.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                resetZoom();
            }
        });
    }

    Figure figure() {
        return figure;
    }

    /** Shows another state of the figure (a live view's next snapshot); zoom and hover stay. */
    void setFigure(Figure f) {
        figure = f;
        if (!Double.isNaN(lastMouseX)) {
            hover(lastMouseX, lastMouseY);
        } else {
            redraw();
        }
    }

    double zoom() {
        return zoom;
    }

    /** Zooms by {@code factor} keeping the figure point under (x, y) in place; zoom stays within 1..10. */
    void zoomAt(double x, double y, double factor) {
        double nz = Math.max(1, Math.min(10, zoom * factor));
        double fx = (x - panX) / zoom;
        double fy = (y - panY) / zoom;
        zoom = nz;
        panX = x - fx * zoom;
        panY = y - fy * zoom;
        clampPan();
        redraw();
    }

    void resetZoom() {
        zoom = 1;
        panX = 0;
        panY = 0;
        redraw();
    }

    private void clampPan() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        panX = Math.min(0, Math.max(w - w * zoom, panX));
        panY = Math.min(0, Math.max(h - h * zoom, panY));
    }

    /** Names (and lets the figure highlight) what lies under the canvas point (x, y). */
    String hover(double x, double y) {
        lastMouseX = x;
        lastMouseY = y;
        String text = figure.hover(area(), (x - panX) / zoom / drawScale, (y - panY) / zoom / drawScale);
        hoverLine.setText(text == null ? "" : text);
        hoverLine.setVisible(text != null);
        redraw();
        return text;
    }

    String hoverText() {
        return hoverLine.isVisible() ? hoverLine.getText() : null;
    }

    private Rectangle2D area() {
        return new Rectangle2D.Double(0, 0, canvas.getWidth() / drawScale, canvas.getHeight() / drawScale);
    }

    static void setDrawScale(double s) {
        drawScale = s;
    }

    void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 2 || h < 2) {
            return;
        }
        var gc = canvas.getGraphicsContext2D();
        gc.save();
        gc.clearRect(0, 0, w, h);
        java.awt.geom.AffineTransform saved = g2.getTransform();
        g2.translate(panX, panY);
        g2.scale(zoom * drawScale, zoom * drawScale);
        figure.draw(g2, area());
        g2.setTransform(saved);
        gc.restore();
    }

    @Override
    protected double computePrefWidth(double height) {
        return 420;
    }

    /** Region's min size, so a grid of views can shrink them. */
    static void fill(Region r) {
        r.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
    }
}
