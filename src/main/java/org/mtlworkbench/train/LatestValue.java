package org.mtlworkbench.train;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A single-slot holder: the producer overwrites, the consumer takes the newest value. A fast producer therefore
 * cannot queue up work for a slow consumer (the GUI polls it at most ~30 times a second and drops nothing it
 * would have drawn anyway). Lock-free and safe for any number of threads.
 */
public final class LatestValue<T> {

    private final AtomicReference<T> latest = new AtomicReference<>();
    private final AtomicReference<T> unpolled = new AtomicReference<>();

    /** Publishes {@code v}, replacing any value not yet polled. */
    public void set(T v) {
        latest.set(v);
        unpolled.set(v);
    }

    /** The newest value ever set, or null; does not count as polling. */
    public T peek() {
        return latest.get();
    }

    /** The newest value not yet polled, or null when nothing new was set since the last poll. */
    public T poll() {
        return unpolled.getAndSet(null);
    }
}
