package org.gmck.reference.largepage;

import java.util.Arrays;
import org.gmck.spi.largepage.CounterEncoding;

/**
 * The second encoding of seed 004: the counter starts at -1 when the host page behind the frame is an
 * aligned large page and at 0 otherwise; it moves by one per write-protected page, and a large mapping is
 * allowed exactly while it reads -1. The host backing is folded into the starting value.
 */
final class CountFromMinusOne implements WriteProtectCounters {

    static final int LARGE_AND_UNPROTECTED = -1;

    private final int[] values;
    private final int start;

    CountFromMinusOne(int frames, boolean largeHost) {
        this.start = largeHost ? LARGE_AND_UNPROTECTED : 0;
        this.values = new int[frames];
        Arrays.fill(values, start);
    }

    @Override
    public CounterEncoding encoding() {
        return CounterEncoding.COUNT_FROM_MINUS_ONE;
    }

    @Override
    public int length() {
        return values.length;
    }

    @Override
    public int raw(int frame) {
        return values[frame];
    }

    @Override
    public int count(int frame) {
        return values[frame] - start;
    }

    @Override
    public boolean allowsLarge(int frame) {
        return values[frame] == LARGE_AND_UNPROTECTED;
    }

    @Override
    public void increment(int frame) {
        values[frame]++;
    }

    @Override
    public void decrement(int frame) {
        values[frame]--;
    }
}
