package org.gmck.spi.pgm.phys;

import java.util.List;

/**
 * One VM's guest physical memory as PGM manages it (seed 000, "Allocating a page" and "Tracking
 * Structures And Their Cost"): ranges of pages of a type, each page tracked by one packed record, all RAM
 * starting on the per-VM zero page and getting a private page only when first written.
 *
 * <p>Every refusal is a {@link org.gmck.spi.common.RejectedException} with a {@link PhysStatus} and leaves the
 * memory, its pages and its counters unchanged.
 */
public interface GuestPhysicalMemory {

    /**
     * Registers a range of guest physical pages of a type. RAM and shadowed ROM start in state ZERO; MMIO2
     * and ROM are backed by private pages at once; MMIO and RESERVED pages have no backing.
     *
     * @throws org.gmck.spi.common.RejectedException {@link PhysStatus#VERR_INVALID_PARAMETER} for a misaligned
     *         address or size, a zero size or a range past the 52-bit physical address space;
     *         {@link PhysStatus#VERR_PGM_RAM_CONFLICT} for an overlap; {@link PhysStatus#VERR_EM_NO_MEMORY}
     *         when the host cannot back an MMIO2 or ROM range; {@link PhysStatus#VERR_NO_MEMORY} when the
     *         implementation cannot track that many pages (it must track ranges of at least 2^24 pages in all)
     */
    void registerRange(PageType type, long gcPhys, long size);

    /**
     * What PGM tracks about the page holding {@code gcPhys} (any address inside the page).
     *
     * @throws org.gmck.spi.common.RejectedException {@link PhysStatus#VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS}
     */
    PhysPage page(long gcPhys);

    /**
     * Reads {@code width} bytes (1, 2, 4 or 8, naturally aligned), little endian. Reading never allocates.
     *
     * @throws org.gmck.spi.common.RejectedException {@link PhysStatus#VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS},
     *         {@link PhysStatus#VERR_PGM_PHYS_PAGE_RESERVED}, {@link PhysStatus#VERR_PGM_PHYS_MISALIGNED_ACCESS}
     */
    long read(long gcPhys, int width);

    /**
     * Writes {@code width} bytes (1, 2, 4 or 8, naturally aligned), little endian, making the page writable
     * first: a ZERO page gets a private page, a SHARED page is copied into a private page, a WRITE_MONITORED
     * page records written-to and becomes normal. A write to ROM is dropped.
     *
     * @throws org.gmck.spi.common.RejectedException as {@link #read}, and {@link PhysStatus#VERR_EM_NO_MEMORY}
     */
    void write(long gcPhys, int width, long value);

    /**
     * Hands a normal RAM page's contents over to a shared page, as page fusion does: the page becomes SHARED
     * and read-only, and its private page goes back to the host.
     *
     * @throws org.gmck.spi.common.RejectedException {@link PhysStatus#VERR_PGM_PHYS_NOT_RAM},
     *         {@link PhysStatus#VERR_PGM_PHYS_INVALID_PAGE_STATE}, {@link PhysStatus#VERR_EM_NO_MEMORY},
     *         {@link PhysStatus#VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS}
     */
    void sharePage(long gcPhys);

    /** Arms write monitoring: every normal RAM and MMIO2 page becomes WRITE_MONITORED with written-to clear. */
    void writeMonitorAll();

    /** The per-VM page statistics. */
    PageCounts counts();

    /** The host physical address of this VM's zero page. */
    long zeroPageHostPhys();

    /** The host pages this VM owns privately, as host physical addresses, one each, in no particular order. */
    List<Long> privateHostPages();

    /** The bytes this VM spends on per-page records, by its own accounting. */
    long trackingBytes();

    /**
     * The raw packed record of the page holding {@code gcPhys} (profile {@code pgm-introspection}): two
     * 64-bit words, seed 000's final layout.
     *
     * @throws org.gmck.spi.common.RejectedException {@link PhysStatus#VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS}
     */
    long[] packedRecord(long gcPhys);

    /**
     * The raw packed record of the page holding {@code gcPhys} in one of the layouts the implementation
     * declares in {@link org.gmck.spi.pgm.vm.GuestMemoryFactory#recordLayouts()} (profile
     * {@code pgm-introspection}). By default only the final layout, as {@link #packedRecord(long)} gives it.
     *
     * @throws org.gmck.spi.common.RejectedException {@link PhysStatus#VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS};
     *         {@link PhysStatus#VERR_OUT_OF_RANGE} when the layout cannot hold the page's host address
     * @throws UnsupportedOperationException for a layout the implementation does not declare
     */
    default long[] packedRecord(long gcPhys, PageRecordLayout layout) {
        if (layout != PageRecordLayout.FINAL) {
            throw new UnsupportedOperationException("this implementation keeps no " + layout + " page records");
        }
        return packedRecord(gcPhys);
    }
}
