package org.gmck.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CallLaneTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void returnsWhatTheCallReturnsOnAnotherThread() throws Exception {
        Thread caller = Thread.currentThread();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            assertEquals(n, CallLane.run(() -> Thread.currentThread() == caller ? -1 : n, SECOND));
        }
    }

    @Test
    void passesOnWhatTheCallThrows() {
        ExecutionException e = assertThrows(
                ExecutionException.class,
                () -> CallLane.run(
                        () -> {
                            throw new IllegalStateException("broken");
                        },
                        SECOND));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals("broken", e.getCause().getMessage());
    }

    @Test
    void abandonsACallThatSpinsForeverAndTheNextCallStillRuns() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        long began = System.nanoTime();
        try {
            assertThrows(
                    TimeoutException.class,
                    () -> CallLane.run(
                            () -> {
                                while (!release.get()) {
                                    Thread.onSpinWait(); // deaf to interrupts, like a real infinite loop
                                }
                                return "too late";
                            },
                            TimeUnit.MILLISECONDS.toNanos(100)));
            assertTrue(System.nanoTime() - began < 10 * SECOND, "the timeout waited for the hung call");
            assertEquals("next", CallLane.run(() -> "next", SECOND));
        } finally {
            release.set(true);
        }
    }
}
