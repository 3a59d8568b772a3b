package org.mtlworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mtlworkbench.export.render.Figure;
import org.mtlworkbench.export.render.HeatmapRenderer;
import org.mtlworkbench.relatedness.TaskMatrix;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The render thread: stale jobs are dropped, the newest always lands, on the FX thread, with the right pixels. */
@ExtendWith(ApplicationExtension.class)
class FigureRenderThreadTest {

    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 400, 300));
        stage.show();
    }

    /** A figure that takes 15 ms to draw and fills the area red, remembering that it was drawn. */
    private record Slow(int id, List<Integer> drawn) implements Figure {
        @Override
        public String title() {
            return "slow " + id;
        }

        @Override
        public void draw(Graphics2D g, Rectangle2D area) {
            drawn.add(id);
            try {
                Thread.sleep(15);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            g.setColor(Color.RED);
            g.fill(new Rectangle2D.Double(0, 0, 10, 10));
        }
    }

    @Test
    void staleJobsAreDroppedAndTheNewestFrameLandsOnTheFxThread() throws Exception {
        List<Integer> drawn = new CopyOnWriteArrayList<>();
        List<Long> shown = new CopyOnWriteArrayList<>();
        List<Boolean> onFx = new CopyOnWriteArrayList<>();
        int[] redAt15 = new int[1];
        FigureRenderThread.Slot slot = new FigureRenderThread.Slot(f -> {
            shown.add(f.seq());
            onFx.add(Platform.isFxApplicationThread());
            redAt15[0] = f.argb()[15 * f.width() + 15];
        });
        for (int i = 1; i <= 40; i++) { // far faster than 15 ms a draw
            slot.submit(new FigureRenderThread.Job(new Slow(i, drawn), 40, 30, 1, 2, 0, 0, i));
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, FigureRenderThread::idle);
        assertThat(drawn).hasSizeLessThan(40).last().isEqualTo(40);
        assertThat(drawn).isSorted();
        assertThat(shown).isNotEmpty().isSorted().last().isEqualTo(40L);
        assertThat(onFx).containsOnly(true);
        // zoom 2 makes the 10×10 red square cover pixel (15, 15)
        assertThat(redAt15[0]).isEqualTo(0xFFFF0000);
    }

    @Test
    void aViewShowsExactlyThePixelsTheFigureDraws(FxRobot robot) throws Exception {
        TaskMatrix m = new TaskMatrix("similarity", List.of("a", "b", "c"),
                new double[][] {{1, 0.2, -0.5}, {0.2, 1, 0.7}, {-0.5, 0.7, 1}}, true);
        Figure heat = new HeatmapRenderer(m, false);
        FigureView[] view = new FigureView[1];
        robot.interact(() -> {
            FigureView.setDrawScale(1); // presenter mode (another test) may have left it larger
            view[0] = new FigureView(heat);
            root.getChildren().add(view[0]);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> view[0].pixels() != null && view[0].upToDate() && FigureRenderThread.idle());
        WaitForAsyncUtils.waitForFxEvents();
        int w = (int) view[0].getWidth();
        int h = (int) view[0].getHeight();
        int[] expected = FigureRenderThread.draw(new FigureRenderThread.Job(heat, w, h, 1, 1, 0, 0, 0)).argb();
        PixelReader r = view[0].pixels().getPixelReader();
        assertThat((int) view[0].pixels().getWidth()).isEqualTo(w);
        int differing = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (r.getArgb(x, y) != unpremultiply(expected[y * w + x])) {
                    differing++;
                }
            }
        }
        assertThat(differing).isZero();
    }

    @Test
    void aFrameIsCopiedToTheStartOfTheImageBufferWhoseReadPositionStaysAtZero() {
        // Prism's hardware pipelines upload from the buffer's position (the software pipeline of these tests reads
        // absolutely, so only this checks it)
        java.nio.IntBuffer buf = java.nio.IntBuffer.allocate(6);
        buf.put(new int[] {9, 9, 9, 9, 9, 9}).position(3);
        FigureView.copyFrame(buf, new int[] {1, 2, 3, 4, 5, 6, 7}, 6);
        assertThat(buf.position()).isEqualTo(3); // unchanged by the copy
        assertThat(buf.array()).containsExactly(1, 2, 3, 4, 5, 6);
        buf.position(0);
        FigureView.copyFrame(buf, new int[] {6, 5, 4, 3, 2, 1}, 6);
        assertThat(buf.position()).isZero();
        assertThat(buf.remaining()).isEqualTo(6);
        assertThat(buf.array()).containsExactly(6, 5, 4, 3, 2, 1);
    }

    /** The view stores premultiplied pixels; opaque ones read back unchanged, transparent ones as 0. */
    private static int unpremultiply(int argb) {
        int a = argb >>> 24;
        if (a == 0xFF || a == 0) {
            return a == 0 ? 0 : argb;
        }
        int r = Math.min(255, ((argb >> 16) & 0xFF) * 255 / a);
        int g = Math.min(255, ((argb >> 8) & 0xFF) * 255 / a);
        int b = Math.min(255, (argb & 0xFF) * 255 / a);
        return a << 24 | r << 16 | g << 8 | b;
    }
}
