package org.gmck.spi.x86;

/**
 * The one-bit flags of x86 paging-structure entries (Intel SDM Vol. 3A, Tables 4-4 to 4-20), by bit
 * position. Not every flag exists in every entry format: {@link #DIRTY} and {@link #GLOBAL} only in entries
 * that map a page, {@link #PAGE_SIZE} only where an entry may map a page, {@link #EXECUTE_DISABLE} only in
 * the 8-byte entries (and not in a PAE PDPTE register). In a PTE bit 7 is PAT, not {@link #PAGE_SIZE}.
 */
public enum EntryFlag {
    /** P: the entry is present. */
    PRESENT(0),
    /** R/W: writes are allowed through the entry. */
    WRITABLE(1),
    /** U/S: user-mode accesses are allowed through the entry. */
    USER(2),
    /** PWT: page-level write-through. */
    WRITE_THROUGH(3),
    /** PCD: page-level cache disable. */
    CACHE_DISABLE(4),
    /** A: the entry was used by a translation. */
    ACCESSED(5),
    /** D: the page the entry maps was written. */
    DIRTY(6),
    /** PS: the entry maps a page rather than referencing the next table. */
    PAGE_SIZE(7),
    /** G: the translation is global. */
    GLOBAL(8),
    /** XD: instruction fetches are not allowed through the entry (when EFER.NXE is set). */
    EXECUTE_DISABLE(63);

    private final int bit;
    private final long mask;

    EntryFlag(int bit) {
        this.bit = bit;
        this.mask = 1L << bit;
    }

    /** The bit position of the flag. */
    public int bit() {
        return bit;
    }

    /** The flag as a mask: {@code 1L << bit()}. */
    public long mask() {
        return mask;
    }

    /** Whether a raw entry value has this flag set. */
    public boolean isSetIn(long entry) {
        return (entry & mask) != 0;
    }
}
