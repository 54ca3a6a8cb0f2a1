package org.gmck.reference.x86;

import java.util.HashMap;
import java.util.Map;
import org.gmck.spi.x86.X86Arguments;

/**
 * Guest RAM {@code [0, size)}, stored sparsely: one packed array of 512 quadwords per 4 KiB page that has
 * been written. Unwritten RAM reads as zero.
 */
final class GuestMemory {

    private static final int PAGE_SHIFT = 12;
    private static final int QWORDS_PER_PAGE = 512;

    private final long size;
    private final Map<Long, long[]> pages = new HashMap<>();

    GuestMemory(long size) {
        this.size = size;
    }

    /** The size of guest RAM in bytes. */
    long size() {
        return size;
    }

    long read64(long address) {
        check(address, 8);
        long[] page = pages.get(address >>> PAGE_SHIFT);
        return page == null ? 0 : page[slot(address)];
    }

    void write64(long address, long value) {
        check(address, 8);
        pages.computeIfAbsent(address >>> PAGE_SHIFT, k -> new long[QWORDS_PER_PAGE])[slot(address)] = value;
    }

    int read32(long address) {
        check(address, 4);
        return (int) (read64(address & ~7L) >>> shiftOf(address));
    }

    void write32(long address, int value) {
        check(address, 4);
        long quad = read64(address & ~7L);
        int shift = shiftOf(address);
        long cleared = quad & ~(0xFFFF_FFFFL << shift);
        write64(address & ~7L, cleared | (Integer.toUnsignedLong(value) << shift));
    }

    private static int shiftOf(long address) {
        return (int) (address & 4) * 8;
    }

    private static int slot(long address) {
        return (int) ((address >>> 3) & (QWORDS_PER_PAGE - 1));
    }

    private void check(long address, int width) {
        X86Arguments.checkPhysical(address, width, size);
    }
}
