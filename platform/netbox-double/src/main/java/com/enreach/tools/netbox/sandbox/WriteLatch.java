package com.enreach.tools.netbox.sandbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds one write request before it is applied until the test releases it, so a test can act (kill a client,
 * edit NetBox by hand) at an exact point of an apply without timing. Made by {@link NetBoxDouble#blockWrite(int)}.
 */
public final class WriteLatch {
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    WriteLatch() {
    }

    /** Waits until the blocked request has arrived; false when it did not within the timeout. */
    public boolean awaitBlocked(Duration timeout) throws InterruptedException {
        return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the request is being held now or was. */
    public boolean isBlocked() {
        return reached.getCount() == 0;
    }

    /** Lets the held request go on (it is then applied and answered as usual). */
    public void release() {
        released.countDown();
    }

    void block() {
        reached.countDown();
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
