package org.gmck.selftest.protocol;

/**
 * Runs out of heap in its first call into its profile in a run. A JVM that has thrown {@link OutOfMemoryError}
 * cannot be trusted to answer the next check, so the server ends its process and the kit starts a new one.
 */
public final class RunsOutOfMemoryOnceAdapter extends BreaksOnceAdapter {

    @Override
    public String name() {
        return "out-of-memory-once";
    }

    @Override
    void breakNow() {
        System.err.println("out-of-memory-once: throwing OutOfMemoryError");
        throw new OutOfMemoryError("Java heap space");
    }
}
