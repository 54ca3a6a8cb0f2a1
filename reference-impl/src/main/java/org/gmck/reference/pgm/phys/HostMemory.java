package org.gmck.reference.pgm.phys;

import java.util.HashMap;
import java.util.Map;

/**
 * The contents of the host pages a VM uses, keyed by host page, as 64-bit words. A page never written reads
 * as zero, which is also how the zero page reads.
 */
public final class HostMemory implements PageContents {

    private static final int WORDS_PER_PAGE = (int) (PhysAddress.PAGE_SIZE / Long.BYTES);

    private final Map<Long, long[]> pages = new HashMap<>();

    @Override
    public long read(long gcPhys, long hostPhys, int width) {
        long[] page = pages.get(PhysAddress.pageOf(hostPhys));
        if (page == null) {
            return 0;
        }
        long word = page[wordIndex(hostPhys)];
        return (word >>> shift(hostPhys)) & mask(width);
    }

    @Override
    public void write(long gcPhys, long hostPhys, int width, long value) {
        long[] page = pages.computeIfAbsent(PhysAddress.pageOf(hostPhys), k -> new long[WORDS_PER_PAGE]);
        int i = wordIndex(hostPhys);
        long m = mask(width) << shift(hostPhys);
        page[i] = page[i] & ~m | (value << shift(hostPhys)) & m;
    }

    @Override
    public void copied(long fromHostPhys, long toHostPhys) {
        long[] from = pages.get(fromHostPhys);
        if (from == null) {
            pages.remove(toHostPhys);
        } else {
            pages.put(toHostPhys, from.clone());
        }
    }

    @Override
    public void released(long hostPhys) {
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
