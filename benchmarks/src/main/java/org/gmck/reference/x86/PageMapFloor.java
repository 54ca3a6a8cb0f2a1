package org.gmck.reference.x86;

/**
 * The reference's own page map of guest RAM ({@link PageMap}, package-private), opened to the benchmarks from
 * its package, so that the walker's floor loads through exactly the representation the walker loads through
 * rather than a copy that could drift from it.
 */
public final class PageMapFloor {

    private final PageMap pages = new PageMap();

    /** The page with this number, or null when it was never written. */
    public long[] get(long number) {
        return pages.get(number);
    }

    /** The page with this number, a zeroed one added when it was never written. */
    public long[] getOrAdd(long number) {
        return pages.getOrAdd(number);
    }
}
