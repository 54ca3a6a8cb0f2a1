package org.gmck.reference.largepage;

/**
 * The emulator's host memory for guest RAM: a bump allocator that hands out every range on a 2 MB host
 * boundary. Large-page (HugeTLBfs) memory must start on one; memory on 4 KB pages may, and so every range
 * is placed the same way. Slots added directly bring their own host memory, which the allocator must step
 * over: see {@link #skipPast(long)}.
 */
final class HostMemory {

    /** Where the emulator's guest RAM mappings start in the host address space. */
    static final long START = 1L << 40;

    private long next = START;

    /** The host address the next allocation would get, without allocating. */
    long peek() {
        return Geometry.frameCeiling(next);
    }

    /** Hands out nothing below {@code hostEnd} from now on: host memory up to there is some slot's already. */
    void skipPast(long hostEnd) {
        next = Math.max(next, hostEnd);
    }

    /** Takes {@code size} bytes at the address {@link #peek} gives. */
    void allocate(long size) {
        next = peek() + size;
    }
}
