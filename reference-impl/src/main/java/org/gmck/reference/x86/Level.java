package org.gmck.reference.x86;

import java.util.Arrays;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.X86Level;
import org.gmck.spi.x86.X86PagingMode;

/**
 * One level of a mode's hierarchy: which linear-address bits index it, how wide its entries are, and
 * which entry format an entry there has (bit 7 is decoded here, once, by level and by mode).
 */
enum Level {
    PD32(X86Level.PD, 22, 10, 4),
    PT32(X86Level.PT, 12, 10, 4),
    PDPT_PAE(X86Level.PDPT, 30, 2, 8),
    PD_PAE(X86Level.PD, 21, 9, 8),
    PT_PAE(X86Level.PT, 12, 9, 8),
    PML5(X86Level.PML5, 48, 9, 8),
    PML4(X86Level.PML4, 39, 9, 8),
    PDPT(X86Level.PDPT, 30, 9, 8),
    PD(X86Level.PD, 21, 9, 8),
    PT(X86Level.PT, 12, 9, 8);

    private static final long PS = EntryFlag.PAGE_SIZE.mask();
    /**
     * The levels of each mode by its ordinal, in the order {@link X86PagingMode#levels()} gives, as arrays a
     * walk indexes without an iterator; shared, so never written after this.
     */
    private static final Level[][] BY_MODE =
            Arrays.stream(X86PagingMode.values()).map(Level::levelsOf).toArray(Level[][]::new);

    private final X86Level spiLevel;
    private final int shift;
    private final int indexBits;
    private final int entryBytes;

    Level(X86Level spiLevel, int shift, int indexBits, int entryBytes) {
        this.spiLevel = spiLevel;
        this.shift = shift;
        this.indexBits = indexBits;
        this.entryBytes = entryBytes;
    }

    /**
     * The levels a walk in a paging mode goes through, top first (SDM 4.3, 4.4.2, 4.5.4): a shared array, which
     * a caller reads and never writes.
     */
    static Level[] of(X86PagingMode mode) {
        return BY_MODE[mode.ordinal()];
    }

    private static Level[] levelsOf(X86PagingMode mode) {
        return mode.levels().stream().map(l -> of(mode, l)).toArray(Level[]::new);
    }

    /** The geometry of a level in a mode: 32-bit paging and PAE paging have their own, IA-32e paging shares. */
    private static Level of(X86PagingMode mode, X86Level level) {
        return switch (mode) {
            case BITS32 -> level == X86Level.PD ? PD32 : PT32;
            case PAE -> level == X86Level.PDPT ? PDPT_PAE : level == X86Level.PD ? PD_PAE : PT_PAE;
            default -> valueOf(level.name());
        };
    }

    X86Level spiLevel() {
        return spiLevel;
    }

    int entryBytes() {
        return entryBytes;
    }

    /** The address of the entry for a linear address in the table at {@code tableBase}. */
    long entryAddress(long tableBase, long linearAddress) {
        long index = (linearAddress >>> shift) & ((1L << indexBits) - 1);
        return tableBase + index * entryBytes;
    }

    /**
     * The format of a present entry at this level.
     *
     * @param cr4Pse      whether CR4.PSE is set (32-bit paging only)
     * @param has1GbPages whether the CPU model has 1 GiB pages
     */
    EntryFormat format(long entry, boolean cr4Pse, boolean has1GbPages) {
        boolean ps = (entry & PS) != 0;
        return switch (this) {
            case PD32 -> ps && cr4Pse ? EntryFormat.PDE32_4M : EntryFormat.PDE32_TABLE;
            case PT32 -> EntryFormat.PTE32;
            case PDPT_PAE -> EntryFormat.PDPTE_PAE;
            case PD_PAE -> ps ? EntryFormat.PDE_PAE_2M : EntryFormat.PDE_PAE_TABLE;
            case PT_PAE -> EntryFormat.PTE_PAE;
            case PML5, PML4 -> EntryFormat.UPPER_NO_PS;
            case PDPT -> ps ? (has1GbPages ? EntryFormat.LONG_1G : EntryFormat.UPPER_NO_PS) : EntryFormat.LONG_TABLE;
            case PD -> ps ? EntryFormat.LONG_2M : EntryFormat.LONG_TABLE;
            case PT -> EntryFormat.LONG_PTE;
        };
    }
}
