package org.gmck.reference.pgm.phys;

import java.util.HashMap;
import java.util.Map;

/**
 * The contents of the host pages a VM uses, as 64-bit words. A page never written reads as zero, which
 * is also how the zero page reads.
 */
public final class HostMemory {

    private static final int WORDS_PER_PAGE = (int) (PhysAddress.PAGE_SIZE / Long.BYTES);

    private final Map<Long, long[]> pages = new HashMap<>();

    /** Reads {@code width} bytes at a host physical address; the access is naturally aligned. */
    public long read(long hostPhys, int width) {
        long[] page = pages.get(PhysAddress.pageOf(hostPhys));
        if (page == null) {
            return 0;
        }
        long word = page[wordIndex(hostPhys)];
        return (word >>> shift(hostPhys)) & mask(width);
    }

    /** Writes {@code width} bytes at a host physical address; the access is naturally aligned. */
    public void write(long hostPhys, int width, long value) {
        long[] page = pages.computeIfAbsent(PhysAddress.pageOf(hostPhys), k -> new long[WORDS_PER_PAGE]);
        int i = wordIndex(hostPhys);
        long m = mask(width) << shift(hostPhys);
        page[i] = page[i] & ~m | (value << shift(hostPhys)) & m;
    }

    /** Copies one whole page. */
    public void copyPage(long fromHostPhys, long toHostPhys) {
        long[] from = pages.get(fromHostPhys);
        if (from == null) {
            pages.remove(toHostPhys);
        } else {
            pages.put(toHostPhys, from.clone());
        }
    }

    /** Forgets a page's contents, so that it reads as zero when handed out again. */
    public void clear(long hostPhys) {
        pages.remove(hostPhys);
    }

    private static int wordIndex(long hostPhys) {
        return (int) ((hostPhys & PhysAddress.OFFSET_MASK) >>> 3);
    }

    private static int shift(long hostPhys) {
        return (int) (hostPhys & 7) * Byte.SIZE;
    }

    private static long mask(int width) {
        return width == Long.BYTES ? -1L : (1L << width * Byte.SIZE) - 1;
    }
}
