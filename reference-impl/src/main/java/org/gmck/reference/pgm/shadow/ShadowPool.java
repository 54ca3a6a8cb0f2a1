package org.gmck.reference.pgm.shadow;

import java.util.ArrayDeque;
import java.util.Deque;
import org.gmck.spi.x86.X86Mmu;

/**
 * The host pages that hold shadow paging structures, all below 4 GiB so that any shadow mode can point at
 * them (a legacy-PAE CR3 included). Pages are zeroed when handed out.
 *
 * <p>Every write to a pool page goes through the pool, which keeps a copy of each page's quadwords in a
 * plain array by pool index: reading an entry back costs an array index instead of a look-up in host
 * memory. The host CPU's walks write the pages too, but only the accessed and dirty flags of entries the
 * pool wrote present, so the copy is exact in every entry's present bit, frame and rights, all that is read
 * back.
 */
final class ShadowPool {

    static final long BASE = 0x0200_0000L;
    private static final int QWORDS = 512;
    /** Pool indices 0 to 0x3FFE; 0x3FFF is later VirtualBox's overflow marker. */
    static final int MAX_PAGES = 0x3FFF;

    private final X86Mmu host;
    private final long base;
    private final Deque<Long> free = new ArrayDeque<>();
    private final Deque<Long> used = new ArrayDeque<>();
    /** By pool index, the quadwords of each page handed out, as last written through {@link #write32}/{@link #write64}. */
    private final long[][] copies = new long[MAX_PAGES][];

    private long next;

    ShadowPool(X86Mmu host, long base) {
        this.host = host;
        this.base = base;
        this.next = base;
    }

    /** Whether {@code pages} more pages fit: a pool page's index must fit the 14 bits of a tracking word. */
    boolean room(int pages) {
        return used.size() + pages <= MAX_PAGES;
    }

    /** The pool index of the page at {@code address}: its place in the pool, counted in pages from the base. */
    int index(long address) {
        return (int) ((address - base) >>> 12);
    }

    /** The page with pool index {@code index}. */
    long address(int index) {
        return base + ((long) index << 12);
    }

    long allocate() {
        long page;
        if (free.isEmpty()) {
            page = next;
            next += 1L << 12;
            copies[index(page)] = new long[QWORDS];
        } else {
            page = free.pop();
            zero(page);
        }
        used.push(page);
        return page;
    }

    /**
     * Zeroes a page handed out before. Only quadwords the pool wrote non-zero can hold anything (the host CPU
     * sets flags in present entries only), so only those are written.
     */
    private void zero(long page) {
        long[] copy = copies[index(page)];
        for (int q = 0; q < QWORDS; q++) {
            if (copy[q] != 0) {
                host.writePhysical64(page + 8L * q, 0);
                copy[q] = 0;
            }
        }
    }

    /**
     * The quadword at {@code address} as the pool last wrote it: {@code address} lies in a page handed out, or
     * in host page 0, which the pool never hands out and which reads as zero.
     */
    long read64(long address) {
        if (address < base) {
            return 0;
        }
        return copies[index(address)][quadword(address)];
    }

    /** The doubleword at {@code address}, from {@link #read64}. */
    int read32(long address) {
        return (int) (read64(address & ~7L) >>> shift(address));
    }

    void write32(long address, int value) {
        host.writePhysical32(address, value);
        long[] copy = copies[index(address)];
        int q = quadword(address);
        copy[q] = copy[q] & ~(0xFFFF_FFFFL << shift(address)) | Integer.toUnsignedLong(value) << shift(address);
    }

    void write64(long address, long value) {
        host.writePhysical64(address, value);
        copies[index(address)][quadword(address)] = value;
    }

    private static int quadword(long address) {
        return (int) (address & 0xFFF) >>> 3;
    }

    /** Where a doubleword sits in its quadword: 0 or 32 bits up. */
    private static int shift(long address) {
        return (int) (address & 4) * Byte.SIZE;
    }

    /** The pages handed out now. */
    java.util.List<Long> inUse() {
        return java.util.List.copyOf(used);
    }

    /** Takes every page back. */
    void freeAll() {
        free.addAll(used);
        used.clear();
    }
}
