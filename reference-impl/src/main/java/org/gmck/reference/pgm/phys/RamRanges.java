package org.gmck.reference.pgm.phys;

import java.util.ArrayList;
import java.util.List;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.phys.PhysStatus;

/** A VM's registered ranges, kept apart from each other. */
final class RamRanges {

    private final List<RamRange> ranges = new ArrayList<>();

    /** Checks a new range against the address space and the registered ranges. */
    void checkNew(long start, long size) {
        if (!PhysAddress.pageAligned(start)
                || !PhysAddress.pageAligned(size)
                || size <= 0
                || start < 0
                || size > PhysAddress.LIMIT - start) {
            throw new RejectedException(
                    PhysStatus.VERR_INVALID_PARAMETER,
                    String.format(
                            "a range needs a page-aligned start and a non-zero page-aligned size within 52 bits: "
                                    + "start %#x, size %#x",
                            start, size));
        }
        for (RamRange range : ranges) {
            if (range.overlaps(start, start + size)) {
                throw new RejectedException(
                        PhysStatus.VERR_PGM_RAM_CONFLICT,
                        String.format(
                                "%#x bytes at %#x overlap the registered range of %d pages at %#x",
                                size, start, range.pages(), range.start()));
            }
        }
    }

    /** Adds a range the caller has checked, records first: running out of memory for them adds nothing. */
    RamRange add(long start, long size) {
        RamRange range = new RamRange(start, size >>> PhysAddress.PAGE_SHIFT);
        ranges.add(range);
        return range;
    }

    /** The range holding {@code gcPhys}. */
    RamRange find(long gcPhys) {
        for (RamRange range : ranges) {
            if (range.contains(gcPhys)) {
                return range;
            }
        }
        throw new RejectedException(
                PhysStatus.VERR_PGM_INVALID_GC_PHYSICAL_ADDRESS,
                String.format("%#x lies in no registered range", gcPhys));
    }

    List<RamRange> all() {
        return ranges;
    }

    long pages() {
        long pages = 0;
        for (RamRange range : ranges) {
            pages += range.pages();
        }
        return pages;
    }
}
