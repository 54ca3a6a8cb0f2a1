package org.gmck.kit;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * One worker thread that runs the calls of one scenario thread, each within a time limit, so that an
 * adapter that never returns cannot stop the run.
 *
 * <p>Each side parks while the other works: the caller until the call finishes, the worker until the next call.
 * Neither spins. Spinning saved a few microseconds a call on an idle machine, but each spinning thread held a
 * core the other side or the next process needed: a certification of the GMM under load took five times as long
 * with 200 microseconds of spinning as with none (benchmarks/README.md, "The kit itself"). A call that overruns
 * its limit abandons the lane (its worker is interrupted and left to die); the next call gets a fresh one.
 */
final class CallLane {

    private static final ThreadLocal<CallLane> LANES = new ThreadLocal<>();

    private final Thread caller;
    private final Thread worker;
    private volatile Callable<Object> pending;
    private volatile boolean workerParked;
    private volatile boolean finished;
    private volatile boolean abandoned;
    private Object result;
    private Throwable thrown;

    private CallLane(Thread caller) {
        this.caller = caller;
        this.worker = new Thread(this::serve, "gmck-adapter-call");
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Runs {@code call} on this thread's lane and returns its result.
     *
     * @throws ExecutionException with what the call threw as its cause
     * @throws TimeoutException when it did not finish within {@code timeoutNanos}; the call is abandoned
     * @throws InterruptedException when this thread was interrupted while waiting; the call is abandoned
     */
    static Object run(Callable<Object> call, long timeoutNanos)
            throws ExecutionException, TimeoutException, InterruptedException {
        CallLane lane = LANES.get();
        if (lane == null) {
            lane = new CallLane(Thread.currentThread());
            LANES.set(lane);
        }
        return lane.call(call, timeoutNanos);
    }

    private Object call(Callable<Object> call, long timeoutNanos)
            throws ExecutionException, TimeoutException, InterruptedException {
        finished = false;
        pending = call;
        if (workerParked) {
            LockSupport.unpark(worker);
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (!finished) {
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                abandon();
                throw new TimeoutException();
            }
            LockSupport.parkNanos(this, deadline - now);
            if (Thread.interrupted()) {
                abandon();
                throw new InterruptedException();
            }
        }
        Object value = result;
        Throwable failure = thrown;
        result = null;
        thrown = null;
        if (failure != null) {
            throw new ExecutionException(failure);
        }
        return value;
    }

    private void abandon() {
        LANES.remove();
        abandoned = true;
        worker.interrupt();
    }

    private void serve() {
        while (true) {
            Callable<Object> call = awaitCall();
            if (call == null) {
                return;
            }
            try {
                result = call.call();
            } catch (Throwable t) {
                thrown = t;
            }
            finished = true;
            LockSupport.unpark(caller);
        }
    }

    /** The next call, or null once this lane has been abandoned. */
    private Callable<Object> awaitCall() {
        while (true) {
            Callable<Object> call = pending;
            if (call != null) {
                pending = null;
                return call;
            }
            if (abandoned || !caller.isAlive()) {
                return null;
            }
            workerParked = true;
            if (pending == null) {
                LockSupport.parkNanos(this, 1_000_000_000L);
            }
            workerParked = false;
        }
    }
}
