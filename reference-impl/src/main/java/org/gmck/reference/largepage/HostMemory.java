package org.gmck.reference.largepage;

/**
 * The emulator's host memory for guest RAM: a bump allocator that hands out host ranges, on 2 MB
 * boundaries for large-page (HugeTLBfs) memory and on 4 KB boundaries otherwise.
 */
final class HostMemory {

    /** Where the emulator's guest RAM mappings start in the host address space. */
    static final long START = 1L << 40;

    private long next = START;

    /** The host address the next allocation of {@code size} bytes would get, without allocating. */
    long peek(boolean largePages) {
        return largePages ? Geometry.frameCeiling(next) : next;
    }

    /** Takes {@code size} bytes at the address {@link #peek} gives. */
    void allocate(long size, boolean largePages) {
        next = peek(largePages) + size;
    }
}
