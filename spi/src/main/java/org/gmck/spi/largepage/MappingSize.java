package org.gmck.spi.largepage;

/** The size of one shadow (or nested) page-table entry. */
public enum MappingSize {
    /** A 4 KB entry in a shadow page table. */
    SMALL_4K(1L << 12),
    /** A 2 MB (PSE) entry in a shadow page directory. */
    LARGE_2M(1L << 21);

    private final long bytes;

    MappingSize(long bytes) {
        this.bytes = bytes;
    }

    /** How many bytes one entry of this size maps. */
    public long bytes() {
        return bytes;
    }
}
