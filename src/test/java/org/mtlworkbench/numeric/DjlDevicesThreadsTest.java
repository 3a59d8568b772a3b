package org.mtlworkbench.numeric;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DjlDevicesThreadsTest {

    @Test
    void theCountAskedForIsTheCountInEffectOnThatThread() throws Exception {
        // a fresh thread, so that the thread-local memory of earlier requests does not hide the call
        AtomicInteger seenTwo = new AtomicInteger();
        AtomicInteger seen = new AtomicInteger();
        AtomicInteger repeated = new AtomicInteger();
        Thread t = new Thread(() -> {
            DjlDevices.useIntraOpThreads(2);
            seenTwo.set(DjlDevices.intraOpThreads());
            DjlDevices.useIntraOpThreads(1);
            seen.set(DjlDevices.intraOpThreads());
            repeated.set(DjlDevices.useIntraOpThreads(1) ? 1 : 0);
        });
        t.start();
        t.join();
        assertThat(seenTwo.get()).isEqualTo(2);
        assertThat(seen.get()).isEqualTo(1);
        assertThat(repeated.get()).as("a repeated request does not reach the engine").isZero();
    }

    @Test
    void thePropertyWins() {
        String before = System.getProperty(DjlDevices.THREADS_PROPERTY);
        System.setProperty(DjlDevices.THREADS_PROPERTY, "3");
        try {
            assertThat(DjlDevices.useIntraOpThreads(1)).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty(DjlDevices.THREADS_PROPERTY);
            } else {
                System.setProperty(DjlDevices.THREADS_PROPERTY, before);
            }
        }
    }
}
