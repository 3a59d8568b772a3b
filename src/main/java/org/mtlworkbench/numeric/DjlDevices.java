package org.mtlworkbench.numeric;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * DJL engine and device set-up shared by the gradient-trained models: the PyTorch engine, the GPU when DJL finds
 * one (else the CPU), and one process-wide lock around gradient collection.
 *
 * <p>Why the lock: DJL 0.32's PyTorch {@code GradientCollector} keeps a static "is collecting" flag, so two runs
 * that collect gradients at the same moment (two models trained side by side) would make the second one throw.
 * Models run their forward and backward pass inside {@link #collectGradients}; everything else (sampling,
 * parameter updates, reading values back) runs outside it.
 */
public final class DjlDevices {

    private static final ReentrantLock GRADIENT_LOCK = new ReentrantLock();

    /** DJL's property for libtorch's intra-op thread count, read when the engine loads; set, it wins. */
    public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    /** The intra-op thread count this thread last asked for (0: never asked). */
    private static final ThreadLocal<int[]> THREADS_ASKED = ThreadLocal.withInitial(() -> new int[1]);

    private DjlDevices() {
    }

    /** The PyTorch engine (loaded offline from the local cache when {@code ai.djl.offline=true}). */
    public static Engine engine() {
        return Engine.getEngine("PyTorch");
    }

    /** The first GPU when the engine sees one, else the CPU. */
    public static Device preferredDevice() {
        Engine e = engine();
        return e.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    /** A short name for provenance and logs, e.g. "cpu" or "gpu(0)". */
    public static String describe(Device device) {
        return device.isGpu() ? "gpu(" + device.getDeviceId() + ")" : "cpu";
    }

    /**
     * Asks libtorch to run the ops that the calling thread starts with {@code n} intra-op threads, unless the user
     * fixed the count with {@link #THREADS_PROPERTY}. Cheap when repeated (only a change reaches the engine, which
     * also clears oneDNN's cache). Scope: libgomp keeps the count per calling thread, but libtorch also stores it
     * as the default of threads that have not run an op yet, so it is process-wide for those (decision 0032).
     *
     * @return whether the request reached the engine (false: fixed by the property, or already in effect)
     */
    public static boolean useIntraOpThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads: " + n);
        }
        if (System.getProperty(THREADS_PROPERTY) != null) {
            return false;
        }
        int[] asked = THREADS_ASKED.get();
        if (asked[0] == n) {
            return false;
        }
        engine(); // loads the native library
        JniUtils.setNumThreads(n);
        asked[0] = n;
        return true;
    }

    /**
     * Turns autograd recording off on the calling thread. libtorch's grad mode is per thread and on by default; DJL
     * turns it off on the thread that loads the engine and at the end of each gradient collection, not on other
     * threads. A step that computes its gradients by hand on a fresh thread (each training run gets one) would
     * otherwise record a graph for every op on the parameters: that filled 24 GB in seconds (decision 0035).
     */
    public static void noGradients() {
        engine();
        JniUtils.setGradMode(false);
    }

    /** Whether autograd records ops started by the calling thread. */
    public static boolean recordsGradients() {
        engine();
        return JniUtils.isGradMode();
    }

    /** libtorch's intra-op thread count as seen from the calling thread. */
    public static int intraOpThreads() {
        engine();
        return JniUtils.getNumThreads();
    }

    /**
     * Runs {@code body} with a gradient collector open and the process-wide gradient lock held; the collector is
     * closed (and the lock released) however the body ends.
     */
    public static <T> T collectGradients(Function<GradientCollector, T> body) {
        GRADIENT_LOCK.lock();
        try (GradientCollector collector = engine().newGradientCollector()) {
            return body.apply(collector);
        } finally {
            GRADIENT_LOCK.unlock();
        }
    }
}
