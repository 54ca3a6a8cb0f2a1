package org.gmck.qemu.gdb;

/** The answer to one request of a {@link GdbBatch}, available once the batch has run. */
public final class Slot<T> {

    private T value;
    private boolean filled;

    void fill(T v) {
        value = v;
        filled = true;
    }

    /** The answer; throws if the batch has not run. */
    public T get() {
        if (!filled) {
            throw new IllegalStateException("the batch holding this request has not run");
        }
        return value;
    }
}
