package org.gmck.reference.pgm.shadow;

import java.util.Arrays;
import java.util.List;
import org.gmck.spi.pgm.PagingMode;
import org.gmck.spi.x86.X86Level;

/**
 * Where the entry for a linear address sits in a shadow table of each shadow mode. This places entries in
 * the tables the monitor builds; translating through them is the x86 walker's job.
 */
enum ShadowLevel {
    PD32(22, 10, 4),
    PT32(12, 10, 4),
    PDPT_PAE(30, 2, 8),
    PML4(39, 9, 8),
    PDPT(30, 9, 8),
    PD(21, 9, 8),
    PT(12, 9, 8);

    /** The levels of each shadow mode by its ordinal, in the order {@link PagingMode#levels()} gives. */
    private static final List<List<ShadowLevel>> BY_MODE =
            Arrays.stream(PagingMode.values()).map(ShadowLevel::levelsOf).toList();

    private final int shift;
    private final int indexBits;
    private final int entryBytes;

    ShadowLevel(int shift, int indexBits, int entryBytes) {
        this.shift = shift;
        this.indexBits = indexBits;
        this.entryBytes = entryBytes;
    }

    /** The levels of a shadow mode, top first; the last two are always the page directory and the page table. */
    static List<ShadowLevel> of(PagingMode shadow) {
        return BY_MODE.get(shadow.ordinal());
    }

    private static List<ShadowLevel> levelsOf(PagingMode shadow) {
        return shadow.levels().stream().map(l -> of(shadow, l)).toList();
    }

    private static ShadowLevel of(PagingMode shadow, X86Level level) {
        return switch (shadow) {
            case BITS32 -> level == X86Level.PD ? PD32 : PT32;
            case PAE -> level == X86Level.PDPT ? PDPT_PAE : valueOf(level.name());
            default -> valueOf(level.name());
        };
    }

    long entryAddress(long table, long linear) {
        return table + (long) index(linear) * entryBytes;
    }

    /** Which entry of its table at this level maps {@code linear}. */
    int index(long linear) {
        return (int) ((linear >>> shift) & ((1L << indexBits) - 1));
    }

    /** Entries in one table of this level. */
    int entries() {
        return 1 << indexBits;
    }

    int entryBytes() {
        return entryBytes;
    }
}
