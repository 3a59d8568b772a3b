package org.mtlworkbench.app;

import java.awt.geom.Rectangle2D;
import java.nio.IntBuffer;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Window;
import org.mtlworkbench.export.render.Figure;

/**
 * A {@link Figure} on screen: drawn by the figure's own Graphics2D routine into pixels on the shared
 * {@link FigureRenderThread}, and on the FX thread only copied into a WritableImage (decision 0041). The thing under
 * the pointer is named in a hover line (and highlighted by the figure); wheel zoom about the pointer, drag to pan,
 * double-click to reset. Hit tests run on the FX thread against the figure's own layout, so they match the pixels.
 * Exports draw the same figure unzoomed.
 */
final class FigureView extends StackPane {

    /** Orders redraw requests of all views, so a frame on screen can be matched to the data it shows. */
    private static final AtomicLong REQUESTS = new AtomicLong();

    /** Presenter mode draws every figure this much larger (fonts and lines alike); 1 normally. FX thread only. */
    private static double drawScale = 1;

    private final ImageView image = new ImageView();
    private final Label hoverLine = new Label();
    private final FigureRenderThread.Slot slot = new FigureRenderThread.Slot(this::show);
    private WritableImage pixels;
    private PixelBuffer<IntBuffer> buffer;
    private Figure figure;
    private double zoom = 1;
    private double panX;
    private double panY;
    private double dragX;
    private double dragY;
    private double lastMouseX = Double.NaN;
    private double lastMouseY = Double.NaN;
    private long requested;
    private long shown;
    private boolean submitPosted;
    private LongConsumer onShown = seq -> { };

    FigureView(Figure figure) {
        this.figure = figure;
        setMinSize(160, 120);
        setPrefSize(420, 360);
        getChildren().addAll(image, hoverLine);
        image.setManaged(false); // the picture follows the pane's size, never the other way round
        StackPane.setAlignment(hoverLine, Pos.BOTTOM_LEFT);
        hoverLine.setPadding(new Insets(2, 6, 2, 6));
        hoverLine.setStyle("-fx-background-color: rgba(255,255,255,0.9); -fx-text-fill: #222; -fx-font-size: 11px;");
        hoverLine.setVisible(false);
        hoverLine.setMouseTransparent(true);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        widthProperty().addListener(o -> redraw());
        heightProperty().addListener(o -> redraw());
        setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        setOnMouseExited(e -> {
            lastMouseX = Double.NaN;
            this.figure.clearHover();
            hoverLine.setVisible(false);
            redraw();
        });
        setOnScroll(e -> {
            double factor = e.getDeltaY() > 0 ? 1.15 : 1 / 1.15;
            zoomAt(e.getX(), e.getY(), factor);
        });
        setOnMousePressed(e -> {
            dragX = e.getX();
            dragY = e.getY();
        });
        setOnMouseDragged(e -> {
            if (e.getButton() == MouseButton.PRIMARY && zoom > 1) {
                panX += e.getX() - dragX;
                panY += e.getY() - dragY;
                dragX = e.getX();
                dragY = e.getY();
                clampPan();
                redraw();
            }
        });
        setOnMouseClicked(e -> {
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
        double w = getWidth();
        double h = getHeight();
        panX = Math.min(0, Math.max(w - w * zoom, panX));
        panY = Math.min(0, Math.max(h - h * zoom, panY));
    }

    /** Names (and lets the figure highlight) what lies under the point (x, y). */
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
        return new Rectangle2D.Double(0, 0, getWidth() / drawScale, getHeight() / drawScale);
    }

    static void setDrawScale(double s) {
        drawScale = s;
    }

    static double drawScale() {
        return drawScale;
    }

    /**
     * Asks for a new picture. Requests within one FX event are merged into one job; the job holds a snapshot of the
     * figure, so the figure may keep changing while the render thread draws. Any thread.
     */
    void redraw() {
        if (Platform.isFxApplicationThread()) {
            requested = REQUESTS.incrementAndGet();
            if (!submitPosted) {
                submitPosted = true;
                Platform.runLater(this::submit);
            }
        } else {
            Platform.runLater(this::redraw);
        }
    }

    private void submit() {
        submitPosted = false;
        double scale = outputScale();
        int w = (int) Math.ceil(getWidth() * scale);
        int h = (int) Math.ceil(getHeight() * scale);
        if (w < 2 || h < 2) {
            shown = requested; // nothing to show at this size
            return;
        }
        slot.submit(new FigureRenderThread.Job(figure.snapshot(), w, h, scale, zoom, panX, panY, requested,
                drawScale));
    }

    private double outputScale() {
        Window win = getScene() == null ? null : getScene().getWindow();
        return win == null ? 1 : Math.max(1, win.getOutputScaleX());
    }

    /** On the FX thread: copies a finished frame into the image (the only per-frame work the FX thread does). */
    private void show(FigureRenderThread.Frame f) {
        if (pixels == null || (int) pixels.getWidth() != f.width() || (int) pixels.getHeight() != f.height()) {
            // an image over an int ARGB-premultiplied buffer, the render thread's own format: a WritableImage of
            // its own stores bytes (BGRA), so every frame was converted to bytes here and back to ints by Prism's
            // software texture upload, which was then 43 % of Prism's render time (decision 0044)
            buffer = new PixelBuffer<>(f.width(), f.height(), IntBuffer.allocate(f.width() * f.height()),
                    PixelFormat.getIntArgbPreInstance());
            pixels = new WritableImage(buffer);
            image.setImage(pixels);
        }
        buffer.updateBuffer(b -> {
            copyFrame(b.getBuffer(), f.argb(), f.width() * f.height());
            return null; // all of it changed
        });
        image.setFitWidth(f.width() / f.scale());
        image.setFitHeight(f.height() / f.scale());
        shown = Math.max(shown, f.seq());
        onShown.accept(f.seq());
    }

    /** The request number of every redraw so far, across all views (see {@link #setOnShown}). */
    static long requestCount() {
        return REQUESTS.get();
    }

    /** Told, on the FX thread, the request number up to which this view's pixels are on screen. */
    void setOnShown(LongConsumer l) {
        onShown = l;
    }

    /** True when the picture on screen answers this view's newest redraw request. */
    boolean upToDate() {
        return shown >= requested && !submitPosted;
    }

    /**
     * Copies {@code n} pixels to the start of {@code dst} and leaves its position at 0: Prism's hardware pipelines
     * (ES2, D3D) upload from the position and fail with "0 elements remain" after a relative put; the software
     * pipeline reads absolutely and would not notice.
     */
    static void copyFrame(IntBuffer dst, int[] argb, int n) {
        dst.put(0, argb, 0, n);
    }

    /** The pixels on screen (for tests); null before the first frame. */
    WritableImage pixels() {
        return pixels;
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
