package org.gmck.reference.x86;

import org.gmck.spi.x86.X86Arguments;

/**
 * Guest RAM {@code [0, size)}, stored sparsely: one packed array of 512 quadwords per 4 KiB page that has
 * been written, held in a {@link PageMap}. Unwritten RAM reads as zero.
 */
final class GuestMemory {

    private static final int PAGE_SHIFT = 12;

    private final long size;
    private final PageMap pages = new PageMap();

    GuestMemory(long size) {
        this.size = size;
    }

    /** The size of guest RAM in bytes. */
    long size() {
        return size;
    }

    long read64(long address) {
        check(address, 8);
        return quad(address);
    }

    void write64(long address, long value) {
        check(address, 8);
        pages.getOrAdd(address >>> PAGE_SHIFT)[slot(address)] = value;
    }

    int read32(long address) {
        check(address, 4);
        return (int) (quad(address) >>> shiftOf(address));
    }

    void write32(long address, int value) {
        check(address, 4);
        long[] page = pages.getOrAdd(address >>> PAGE_SHIFT);
        int slot = slot(address);
        int shift = shiftOf(address);
        page[slot] = page[slot] & ~(0xFFFF_FFFFL << shift) | Integer.toUnsignedLong(value) << shift;
    }

    /**
     * The quadwords of the page holding {@code address}, added (all zero) if it was never written; the caller
     * names a page of RAM.
     */
    long[] page(long address) {
        return pages.getOrAdd(address >>> PAGE_SHIFT);
    }

    /** The quadword that holds {@code address}, which the caller has checked. */
    private long quad(long address) {
        long[] page = pages.get(address >>> PAGE_SHIFT);
        return page == null ? 0 : page[slot(address)];
    }

    private static int shiftOf(long address) {
        return (int) (address & 4) * 8;
    }

    private static int slot(long address) {
        return (int) ((address >>> 3) & (PageMap.QWORDS_PER_PAGE - 1));
    }

    private void check(long address, int width) {
        X86Arguments.checkPhysical(address, width, size);
    }
}
