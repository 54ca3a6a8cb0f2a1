package org.gmck.reference.x86;

import static org.gmck.reference.x86.BitRole.ADDRESS;
import static org.gmck.reference.x86.BitRole.EXECUTE_DISABLE;
import static org.gmck.reference.x86.BitRole.IGNORED;
import static org.gmck.reference.x86.BitRole.PROTECTION_KEY;
import static org.gmck.reference.x86.BitRole.PSE36_ADDRESS;
import static org.gmck.reference.x86.BitRole.RESERVED;

import java.util.List;
import org.gmck.spi.x86.PageSize;

/**
 * The bit layout of every kind of paging-structure entry, one table per (mode, level, kind), written from
 * the SDM's entry-format tables (Vol. 3A, Tables 4-4 to 4-6, 4-8 to 4-11, 4-14 to 4-20). Reserved masks
 * and address masks are computed from these tables, never written as constants.
 */
enum EntryFormat {
    /** 32-bit paging: PDE that references a page table (Table 4-5). */
    PDE32_TABLE(
            PageSize.UNPAGED,
            List.of(
                    new BitField("P", 0),
                    new BitField("R/W", 1),
                    new BitField("U/S", 2),
                    new BitField("PWT", 3),
                    new BitField("PCD", 4),
                    new BitField("A", 5),
                    new BitField("ignored", 6, 6, IGNORED),
                    new BitField("PS", 7),
                    new BitField("ignored", 11, 8, IGNORED),
                    new BitField("page table", 31, 12, ADDRESS))),
    /** 32-bit paging: PDE that maps a 4 MiB page (Table 4-4). */
    PDE32_4M(
            PageSize.SIZE_4M,
            List.of(
                    new BitField("P", 0),
                    new BitField("R/W", 1),
                    new BitField("U/S", 2),
                    new BitField("PWT", 3),
                    new BitField("PCD", 4),
                    new BitField("A", 5),
                    new BitField("D", 6),
                    new BitField("PS", 7),
                    new BitField("G", 8),
                    new BitField("ignored", 11, 9, IGNORED),
                    new BitField("PAT", 12),
                    new BitField("PSE-36 address", 21, 13, PSE36_ADDRESS),
                    new BitField("page frame", 31, 22, ADDRESS))),
    /** 32-bit paging: PTE that maps a 4 KiB page (Table 4-6). */
    PTE32(
            PageSize.SIZE_4K,
            List.of(
                    new BitField("P", 0),
                    new BitField("R/W", 1),
                    new BitField("U/S", 2),
                    new BitField("PWT", 3),
                    new BitField("PCD", 4),
                    new BitField("A", 5),
                    new BitField("D", 6),
                    new BitField("PAT", 7),
                    new BitField("G", 8),
                    new BitField("ignored", 11, 9, IGNORED),
                    new BitField("page frame", 31, 12, ADDRESS))),

    /** PAE paging: a PDPTE register (Table 4-8). No R/W, U/S, A or XD. */
    PDPTE_PAE(
            PageSize.UNPAGED,
            List.of(
                    new BitField("P", 0),
                    new BitField("reserved", 2, 1, RESERVED),
                    new BitField("PWT", 3),
                    new BitField("PCD", 4),
                    new BitField("reserved", 8, 5, RESERVED),
                    new BitField("ignored", 11, 9, IGNORED),
                    new BitField("page directory", 51, 12, ADDRESS),
                    new BitField("reserved", 63, 52, RESERVED))),
    /** PAE paging: PDE that references a page table (Table 4-10). */
    PDE_PAE_TABLE(
            PageSize.UNPAGED,
            List.of(
                    new BitField("P", 0),
                    new BitField("R/W", 1),
                    new BitField("U/S", 2),
                    new BitField("PWT", 3),
                    new BitField("PCD", 4),
                    new BitField("A", 5),
                    new BitField("ignored", 6, 6, IGNORED),
                    new BitField("PS", 7),
                    new BitField("ignored", 11, 8, IGNORED),
                    new BitField("page table", 51, 12, ADDRESS),
                    new BitField("reserved", 62, 52, RESERVED),
                    new BitField("XD", 63, 63, EXECUTE_DISABLE))),
    /** PAE paging: PDE that maps a 2 MiB page (Table 4-9). */
    PDE_PAE_2M(
            PageSize.SIZE_2M,
            List.of(
                    new BitField("P", 0),
                    new BitField("R/W", 1),
                    new BitField("U/S", 2),
                    new BitField("PWT", 3),
                    new BitField("PCD", 4),
                    new BitField("A", 5),
                    new BitField("D", 6),
                    new BitField("PS", 7),
                    new BitField("G", 8),
                    new BitField("ignored", 11, 9, IGNORED),
                    new BitField("PAT", 12),
                    new BitField("reserved", 20, 13, RESERVED),
                    new BitField("page frame", 51, 21, ADDRESS),
                    new BitField("reserved", 62, 52, RESERVED),
                    new BitField("XD", 63, 63, EXECUTE_DISABLE))),
    /** PAE paging: PTE that maps a 4 KiB page (Table 4-11). */
    PTE_PAE(
            PageSize.SIZE_4K,
            List.of(
                    new BitField("P", 0),
                    new BitField("R/W", 1),
                    new BitField("U/S", 2),
                    new BitField("PWT", 3),
                    new BitField("PCD", 4),
                    new BitField("A", 5),
                    new BitField("D", 6),
                    new BitField("PAT", 7),
                    new BitField("G", 8),
                    new BitField("ignored", 11, 9, IGNORED),
                    new BitField("page frame", 51, 12, ADDRESS),
                    new BitField("reserved", 62, 52, RESERVED),
                    new BitField("XD", 63, 63, EXECUTE_DISABLE))),

    /**
     * 4/5-level paging: PML5E or PML4E (Tables 4-14, 4-15), and a PDPTE with PS=1 on a CPU without 1 GiB
     * pages: bit 7 is reserved.
     */
    UPPER_NO_PS(
            PageSize.UNPAGED,
            List.of(
                    new BitField("P", 0),
                    new BitField("R/W", 1),
                    new BitField("U/S", 2),
                    new BitField("PWT", 3),
                    new BitField("PCD", 4),
                    new BitField("A", 5),
                    new BitField("ignored", 6, 6, IGNORED),
                    new BitField("PS", 7, 7, RESERVED),
                    new BitField("ignored", 11, 8, IGNORED),
                    new BitField("next table", 51, 12, ADDRESS),
                    new BitField("ignored", 62, 52, IGNORED),
                    new BitField("XD", 63, 63, EXECUTE_DISABLE))),
    /** 4/5-level paging: PDPTE or PDE that references the next table (Tables 4-17, 4-19). */
    LONG_TABLE(
            PageSize.UNPAGED,
            List.of(
                    new BitField("P", 0),
                    new BitField("R/W", 1),
                    new BitField("U/S", 2),
                    new BitField("PWT", 3),
                    new BitField("PCD", 4),
                    new BitField("A", 5),
                    new BitField("ignored", 6, 6, IGNORED),
                    new BitField("PS", 7),
                    new BitField("ignored", 11, 8, IGNORED),
                    new BitField("next table", 51, 12, ADDRESS),
                    new BitField("ignored", 62, 52, IGNORED),
                    new BitField("XD", 63, 63, EXECUTE_DISABLE))),
    /** 4/5-level paging: PDPTE that maps a 1 GiB page (Table 4-16). */
    LONG_1G(
            PageSize.SIZE_1G,
            List.of(
                    new BitField("P", 0),
                    new BitField("R/W", 1),
                    new BitField("U/S", 2),
                    new BitField("PWT", 3),
                    new BitField("PCD", 4),
                    new BitField("A", 5),
                    new BitField("D", 6),
                    new BitField("PS", 7),
                    new BitField("G", 8),
                    new BitField("ignored", 11, 9, IGNORED),
                    new BitField("PAT", 12),
                    new BitField("reserved", 29, 13, RESERVED),
                    new BitField("page frame", 51, 30, ADDRESS),
                    new BitField("ignored", 58, 52, IGNORED),
                    new BitField("protection key", 62, 59, PROTECTION_KEY),
                    new BitField("XD", 63, 63, EXECUTE_DISABLE))),
    /** 4/5-level paging: PDE that maps a 2 MiB page (Table 4-18). */
    LONG_2M(
            PageSize.SIZE_2M,
            List.of(
                    new BitField("P", 0),
                    new BitField("R/W", 1),
                    new BitField("U/S", 2),
                    new BitField("PWT", 3),
                    new BitField("PCD", 4),
                    new BitField("A", 5),
                    new BitField("D", 6),
                    new BitField("PS", 7),
                    new BitField("G", 8),
                    new BitField("ignored", 11, 9, IGNORED),
                    new BitField("PAT", 12),
                    new BitField("reserved", 20, 13, RESERVED),
                    new BitField("page frame", 51, 21, ADDRESS),
                    new BitField("ignored", 58, 52, IGNORED),
                    new BitField("protection key", 62, 59, PROTECTION_KEY),
                    new BitField("XD", 63, 63, EXECUTE_DISABLE))),
    /** 4/5-level paging: PTE that maps a 4 KiB page (Table 4-20). */
    LONG_PTE(
            PageSize.SIZE_4K,
            List.of(
                    new BitField("P", 0),
                    new BitField("R/W", 1),
                    new BitField("U/S", 2),
                    new BitField("PWT", 3),
                    new BitField("PCD", 4),
                    new BitField("A", 5),
                    new BitField("D", 6),
                    new BitField("PAT", 7),
                    new BitField("G", 8),
                    new BitField("ignored", 11, 9, IGNORED),
                    new BitField("page frame", 51, 12, ADDRESS),
                    new BitField("ignored", 58, 52, IGNORED),
                    new BitField("protection key", 62, 59, PROTECTION_KEY),
                    new BitField("XD", 63, 63, EXECUTE_DISABLE)));

    private final PageSize leafSize;
    private final List<BitField> fields;
    /** The entry's address bits that stay where they are: the OR of its ADDRESS fields. */
    private final long addressMask;
    /** The PSE-36 field that carries physical address bits 32 and up, if the format has one. */
    private final BitField pse36;
    /** The execute-disable bit, or 0 where the format has none. */
    private final long executeDisableMask;
    /** The protection-key field, or 0 where the format has none, and its lowest bit. */
    private final long protectionKeyMask;

    private final int protectionKeyLow;

    EntryFormat(PageSize leafSize, List<BitField> fields) {
        this.leafSize = leafSize;
        this.fields = fields;
        this.addressMask = maskOf(fields, ADDRESS);
        this.pse36 = fields.stream()
                .filter(f -> f.role() == PSE36_ADDRESS)
                .findFirst()
                .orElse(null);
        this.executeDisableMask = maskOf(fields, EXECUTE_DISABLE);
        this.protectionKeyMask = maskOf(fields, PROTECTION_KEY);
        this.protectionKeyLow = Long.numberOfTrailingZeros(protectionKeyMask);
    }

    /** The OR of the masks of the fields with {@code role}: worked out once, read by every walk. */
    private static long maskOf(List<BitField> fields, BitRole role) {
        long mask = 0;
        for (BitField f : fields) {
            mask |= f.role() == role ? f.mask() : 0;
        }
        return mask;
    }

    /** Whether an entry of this format maps a page (ends the walk). */
    boolean isLeaf() {
        return leafSize != PageSize.UNPAGED;
    }

    /** The size of the page a leaf of this format maps. */
    PageSize leafSize() {
        return leafSize;
    }

    /**
     * The bits that must be 0 in a present entry of this format.
     *
     * @param maxPhysAddr MAXPHYADDR
     * @param pse36Width  M' of PSE-36: min(40, MAXPHYADDR) with PSE-36, 32 without
     * @param nxe         whether EFER.NXE is set
     */
    long reservedMask(int maxPhysAddr, int pse36Width, boolean nxe) {
        long mask = 0;
        for (BitField f : fields) {
            mask |= switch (f.role()) {
                case RESERVED -> f.mask();
                case ADDRESS -> BitField.bits(f.high(), Math.max(f.low(), maxPhysAddr));
                case EXECUTE_DISABLE -> nxe ? 0 : f.mask();
                case PSE36_ADDRESS -> BitField.bits(f.high(), Math.max(f.low(), pse36Width - 19));
                default -> 0;
            };
        }
        return mask;
    }

    /**
     * The physical address an entry of this format points to (next table or page frame). Only called for
     * an entry that passed {@link #reservedMask}, so no address bit at or above MAXPHYADDR is set.
     */
    long frameAddress(long entry, int pse36Width) {
        long address = entry & addressMask;
        if (pse36 != null) {
            address |= (entry & BitField.bits(pse36Width - 20, pse36.low())) >>> pse36.low() << 32;
        }
        return address;
    }

    /** The protection key of a leaf of this format (0 if the format has none). */
    int protectionKey(long entry) {
        return (int) ((entry & protectionKeyMask) >>> protectionKeyLow);
    }

    /** Whether the format has an execute-disable bit and the entry sets it. */
    boolean executeDisabled(long entry) {
        return (entry & executeDisableMask) != 0;
    }

    /** Whether the format's entries carry R/W and U/S (all but the PAE PDPTE registers). */
    boolean hasAccessRights() {
        return this != PDPTE_PAE;
    }
}
