package org.mtlworkbench.app;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.mtlworkbench.export.render.Figure;

/**
 * The one background thread that draws figures into pixel buffers, so the FX thread only copies finished pixels
 * (decision 0041). Each {@link Slot} (one per view on screen) holds at most one pending job: a newer job replaces
 * a stale one before it is drawn, and a finished frame reaches the FX thread through at most one queued runLater.
 */
final class FigureRenderThread {

    /**
     * What to draw: an immutable figure (see {@link Figure#snapshot()}) at a size, zoom and pan, in device pixels.
     * {@code figureScale} draws the figure that much larger (fonts and lines alike, presenter mode): the figure lays
     * itself out in an area that much smaller.
     */
    record Job(Figure figure, int width, int height, double scale, double zoom, double panX, double panY, long seq,
               double figureScale) {

        Job(Figure figure, int width, int height, double scale, double zoom, double panX, double panY, long seq) {
            this(figure, width, height, scale, zoom, panX, panY, seq, 1);
        }
    }

    /** Finished premultiplied ARGB pixels of a job. */
    record Frame(int[] argb, int width, int height, double scale, long seq) {
    }

    private static final DirectColorModel ARGB_PRE = new DirectColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
            32, 0xFF0000, 0xFF00, 0xFF, 0xFF000000, true, DataBuffer.TYPE_INT);
    private static final BlockingQueue<Slot> QUEUE = new LinkedBlockingQueue<>();
    /** Jobs submitted whose frame has not reached the FX thread yet (tests and screenshots wait for zero). */
    private static final AtomicInteger OUTSTANDING = new AtomicInteger();
    private static final AtomicInteger DROPPED = new AtomicInteger();

    static {
        Thread t = new Thread(FigureRenderThread::loop, "figure-render");
        t.setDaemon(true);
        // below the FX and Prism threads, level with training (decision 0044): a chart drawn a few milliseconds later
        // costs nothing, a pulse whose rendering waits for a core is a late frame. Linux honours it with the launch
        // flags of decision 0043 (priority 4 = nice 10).
        t.setPriority(Thread.NORM_PRIORITY - 1);
        t.start();
    }

    private FigureRenderThread() {
    }

    /** A view's place in the render queue; {@code onFx} receives its newest frame on the FX thread. */
    static final class Slot {
        private final AtomicReference<Job> pending = new AtomicReference<>();
        private final AtomicBoolean queued = new AtomicBoolean();
        private final AtomicReference<Frame> ready = new AtomicReference<>();
        private final AtomicBoolean blitPosted = new AtomicBoolean();
        /** A pixel array the FX thread has finished copying, drawn into again (a frame is megabytes: no garbage). */
        private final AtomicReference<int[]> spare = new AtomicReference<>();
        private final Consumer<Frame> onFx;

        Slot(Consumer<Frame> onFx) {
            this.onFx = onFx;
        }

        /** Queues {@code job}, replacing a job of this slot not yet started. Any thread. */
        void submit(Job job) {
            OUTSTANDING.incrementAndGet();
            if (pending.getAndSet(job) != null) {
                OUTSTANDING.decrementAndGet();
                DROPPED.incrementAndGet();
            }
            if (queued.compareAndSet(false, true)) {
                QUEUE.add(this);
            }
        }

        private void deliver(Frame f) {
            Frame replaced = ready.getAndSet(f);
            if (replaced != null) {
                OUTSTANDING.decrementAndGet(); // an undelivered older frame is replaced
                DROPPED.incrementAndGet();
                spare.set(replaced.argb());
            }
            if (blitPosted.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    blitPosted.set(false);
                    Frame newest = ready.getAndSet(null);
                    if (newest != null) {
                        try {
                            onFx.accept(newest);
                        } finally {
                            spare.set(newest.argb()); // copied into the image: free to draw into again
                            OUTSTANDING.decrementAndGet();
                        }
                    }
                });
            }
        }
    }

    /** True when every submitted job has been drawn and copied to the screen (or replaced by a newer one). */
    static boolean idle() {
        return OUTSTANDING.get() == 0;
    }

    /** Jobs or frames replaced by newer ones before they were drawn or shown, since start. */
    static int dropped() {
        return DROPPED.get();
    }

    private static void loop() {
        while (true) {
            Slot s;
            try {
                s = QUEUE.take();
            } catch (InterruptedException e) {
                return;
            }
            s.queued.set(false); // a job submitted from here on queues the slot again
            Job job = s.pending.getAndSet(null);
            if (job == null) {
                continue;
            }
            Frame f;
            try {
                f = draw(job, s.spare.getAndSet(null));
            } catch (RuntimeException | Error e) {
                // a figure that cannot draw must not kill the thread every view shares
                System.err.println("figure-render: " + job.figure().title() + ": " + e);
                f = new Frame(new int[job.width() * job.height()], job.width(), job.height(), job.scale(), job.seq());
            }
            s.deliver(f);
        }
    }

    /** Draws a job into new premultiplied ARGB pixels (transparent where the figure draws nothing). */
    static Frame draw(Job job) {
        return draw(job, null);
    }

    /** Draws a job into {@code reuse} when it has the right size (cleared first), else into a new array. */
    static Frame draw(Job job, int[] reuse) {
        int n = job.width() * job.height();
        int[] argb = reuse != null && reuse.length == n ? reuse : new int[n];
        if (argb == reuse) {
            Arrays.fill(argb, 0);
        }
        WritableRaster raster = Raster.createPackedRaster(new DataBufferInt(argb, n), job.width(), job.height(),
                job.width(), new int[] {0xFF0000, 0xFF00, 0xFF, 0xFF000000}, null);
        BufferedImage img = new BufferedImage(ARGB_PRE, raster, true, null); // TYPE_INT_ARGB_PRE: fast loops
        Graphics2D g = img.createGraphics();
        try {
            g.scale(job.scale(), job.scale());
            g.translate(job.panX(), job.panY());
            double z = job.zoom() * job.figureScale();
            g.scale(z, z);
            double d = job.scale() * job.figureScale();
            job.figure().draw(g, new Rectangle2D.Double(0, 0, job.width() / d, job.height() / d));
        } finally {
            g.dispose();
        }
        return new Frame(argb, job.width(), job.height(), job.scale(), job.seq());
    }
}
