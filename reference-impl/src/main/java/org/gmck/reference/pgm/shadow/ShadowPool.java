package org.gmck.reference.pgm.shadow;

import java.util.ArrayDeque;
import java.util.Deque;
import org.gmck.spi.x86.X86Mmu;

/**
 * The host pages that hold shadow paging structures, all below 4 GiB so that any shadow mode can point at
 * them (a legacy-PAE CR3 included). Pages are zeroed when handed out.
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
        } else {
            page = free.pop();
            for (int i = 0; i < QWORDS; i++) {
                host.writePhysical64(page + 8L * i, 0);
            }
        }
        used.push(page);
        return page;
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
