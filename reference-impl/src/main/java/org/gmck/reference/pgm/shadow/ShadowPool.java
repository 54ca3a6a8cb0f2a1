package org.gmck.reference.pgm.shadow;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.gmck.reference.x86.ReferenceX86Mmu;

/**
 * The host pages that hold shadow paging structures, all below 4 GiB so that any shadow mode can point at
 * them (a legacy-PAE CR3 included). Pages are zeroed when handed out.
 *
 * <p>The pool keeps, by pool index, the host MMU's own array of each page it handed out, so that reading or
 * writing an entry is an array index, not a look-up in host memory, and the host CPU's walks see each write at
 * once. Those walks write the pages too, but only the accessed and dirty flags of entries the pool wrote
 * present.
 */
final class ShadowPool {

    static final long BASE = 0x0200_0000L;
    /** Pool indices 0 to 0x3FFE; 0x3FFF is later VirtualBox's overflow marker. */
    static final int MAX_PAGES = 0x3FFF;

    private final ReferenceX86Mmu host;
    private final long base;
    private final Deque<Long> free = new ArrayDeque<>();
    private final Deque<Long> used = new ArrayDeque<>();
    /** By pool index, the quadwords of each page handed out: the host MMU's own storage of the page. */
    private final long[][] pages = new long[MAX_PAGES][];

    private long next;

    ShadowPool(ReferenceX86Mmu host, long base) {
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
            pages[index(page)] = host.ramPage(page);
        } else {
            page = free.pop();
            zero(page);
        }
        used.push(page);
        return page;
    }

    /** Zeroes a page handed out before. */
    private void zero(long page) {
        Arrays.fill(pages[index(page)], 0);
    }

    /**
     * The quadword at {@code address}: {@code address} lies in a page handed out, or in host page 0, which the
     * pool never hands out and which reads as zero.
     */
    long read64(long address) {
        if (address < base) {
            return 0;
        }
        return pages[index(address)][quadword(address)];
    }

    /** The doubleword at {@code address}, from {@link #read64}. */
    int read32(long address) {
        return (int) (read64(address & ~7L) >>> shift(address));
    }

    void write32(long address, int value) {
        long[] page = pages[index(address)];
        int q = quadword(address);
        page[q] = page[q] & ~(0xFFFF_FFFFL << shift(address)) | Integer.toUnsignedLong(value) << shift(address);
    }

    void write64(long address, long value) {
        pages[index(address)][quadword(address)] = value;
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
