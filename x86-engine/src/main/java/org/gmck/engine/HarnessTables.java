package org.gmck.engine;

import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryFlags;

/**
 * The physical addresses of the harness's own paging structures that a {@link Hook} links into a query's
 * tables: the page table of the legacy window under 32-bit paging, the page table and page directory of a
 * window under PAE and long-mode paging, the long window's PDPT, and the PML4 a 5-level query's PML5E 511
 * points to.
 *
 * @param pt32   the 32-bit page table of the legacy window
 * @param pt64   the 64-bit-entry page table of a window
 * @param pd64   the page directory a PAE hook's PDPTE points to
 * @param pdpt64 the PDPT a 4-level hook's PML4E points to
 * @param pml4h  the PML4 a 5-level hook's PML5E points to
 */
public record HarnessTables(long pt32, long pt64, long pd64, long pdpt64, long pml4h) {

    /** The flags of an entry that links a harness table: present, writable, user, accessed. */
    public static final long TABLE =
            EntryFlags.mask(EntryFlag.PRESENT, EntryFlag.WRITABLE, EntryFlag.USER, EntryFlag.ACCESSED);
}
