package org.gmck.engine;

import java.util.List;

/**
 * Where the harness (GDT, IDT, TSS, code, stacks) appears in the linear address space: a 2 MiB-aligned
 * region whose path the test's tables leave free. Legacy windows (32-bit and PAE paging) sit below 4 GiB
 * at PDPTE k, PDE 511; long windows at PML4E i, PDPTE 511, PDE 511 (PML5E 511 under 5-level paging).
 */
public record Window(boolean longFamily, long base) {

    /** Legacy candidates, most preferred first: PDPTE index 3..0 (32-bit paging: PDE 1023, 767, 511, 255). */
    public static final List<Window> LEGACY = List.of(legacy(3), legacy(2), legacy(1), legacy(0));
    /** Long-mode candidates, most preferred first, by PML4 index. */
    public static final List<Window> LONG =
            List.of(longMode(510), longMode(509), longMode(508), longMode(400), longMode(300), longMode(256));

    /** The legacy window at PDPTE {@code pdpte}, PDE 511. */
    public static Window legacy(int pdpte) {
        return new Window(false, (long) pdpte << 30 | 511L << 21);
    }

    /** The long-mode window at PML4E {@code pml4}, PDPTE 511, PDE 511. */
    public static Window longMode(int pml4) {
        return new Window(true, 0xFFFF_0000_0000_0000L | (long) pml4 << 39 | 511L << 30 | 511L << 21);
    }

    /** PDPTE index (legacy) or PML4 index (long) of the window. */
    public int topIndex() {
        return longFamily ? (int) (base >>> 39 & 511) : (int) (base >>> 30 & 3);
    }

    /** The linear address of harness page {@code page} (the harness's pages, in the order the adapter's harness gives them). */
    public long page(int page) {
        return base + page * 0x1000L;
    }
}
