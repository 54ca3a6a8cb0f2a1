package org.gmck.reference.largepage;

import org.gmck.spi.largepage.CounterEncoding;

/**
 * The first encoding of seed 004: the counter is the number of write-protected pages, and a large mapping
 * needs a large, aligned host page besides a counter of zero.
 */
final class CountFromZero implements WriteProtectCounters {

    private final int[] counts;
    private final boolean largeHost;

    CountFromZero(int frames, boolean largeHost) {
        this.counts = new int[frames];
        this.largeHost = largeHost;
    }

    @Override
    public CounterEncoding encoding() {
        return CounterEncoding.COUNT_FROM_ZERO;
    }

    @Override
    public int length() {
        return counts.length;
    }

    @Override
    public int raw(int frame) {
        return counts[frame];
    }

    @Override
    public int count(int frame) {
        return counts[frame];
    }

    @Override
    public boolean allowsLarge(int frame) {
        return largeHost && counts[frame] == 0;
    }

    @Override
    public void increment(int frame) {
        counts[frame]++;
    }

    @Override
    public void decrement(int frame) {
        counts[frame]--;
    }
}
