package org.lmssync.engine.spi;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Set on SIGTERM / Ctrl-C: listings stop after the page in flight commits, and waits end early. */
public final class StopSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);

    public void stop() {
        stopped.countDown();
    }

    public boolean isStopping() {
        return stopped.getCount() == 0;
    }

    /**
     * Waits {@code millis}, or less if a stop is requested meanwhile: a long Retry-After must not
     * hold a stopping process.
     */
    public void await(long millis) {
        try {
            stopped.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
