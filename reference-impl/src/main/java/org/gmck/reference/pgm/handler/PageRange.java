package org.gmck.reference.pgm.handler;

import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.handler.HandlerStatus;

/**
 * A range of whole 4 KiB pages, from its first byte to its last byte.
 *
 * @param first the first byte (page aligned)
 * @param last  the last byte (the last byte of a page, not below {@code first})
 */
record PageRange(long first, long last) {

    static final int PAGE_SHIFT = 12;
    static final long PAGE_SIZE = 1L << PAGE_SHIFT;
    static final long OFFSET_MASK = PAGE_SIZE - 1;

    /**
     * A range of whole pages.
     *
     * @throws RejectedException {@link HandlerStatus#VERR_INVALID_PARAMETER} for a reversed range or one
     *         that does not start and end on page boundaries
     */
    static PageRange of(long first, long last) {
        if (Long.compareUnsigned(last >>> PAGE_SHIFT, first >>> PAGE_SHIFT) < 0
                || (first & OFFSET_MASK) != 0
                || (last & OFFSET_MASK) != OFFSET_MASK) {
            throw new RejectedException(
                    HandlerStatus.VERR_INVALID_PARAMETER,
                    String.format(
                            "a handler covers whole pages, from a page-aligned first byte up to the last byte of a page: "
                                    + "%#x-%#x",
                            first, last));
        }
        return new PageRange(first, last);
    }

    int pages() {
        return (int) (((last - first) >>> PAGE_SHIFT) + 1);
    }

    long page(int index) {
        return first + ((long) index << PAGE_SHIFT);
    }

    /** Whether {@code address} lies in one of the range's pages. */
    boolean contains(long address) {
        return Long.compareUnsigned((address - first) >>> PAGE_SHIFT, (last - first) >>> PAGE_SHIFT) <= 0;
    }

    /** Whether the range's last page lies below the page of {@code address}. */
    boolean endsBelow(long address) {
        return Long.compareUnsigned(last >>> PAGE_SHIFT, address >>> PAGE_SHIFT) < 0;
    }

    @Override
    public String toString() {
        return String.format("%#x-%#x", first, last);
    }
}
