package org.gmck.spi.x86;

/** The size of the page a translation lands in. */
public enum PageSize {
    /** No paging: the identity translation has no page. */
    UNPAGED(0),
    SIZE_4K(12),
    SIZE_2M(21),
    SIZE_4M(22),
    SIZE_1G(30);

    private final int shift;

    PageSize(int shift) {
        this.shift = shift;
    }

    /** log2 of the size in bytes (0 for {@link #UNPAGED}). */
    public int shift() {
        return shift;
    }
}
