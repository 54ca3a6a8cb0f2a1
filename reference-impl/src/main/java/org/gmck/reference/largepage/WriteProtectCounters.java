package org.gmck.reference.largepage;

import org.gmck.spi.largepage.CounterEncoding;

/**
 * One packed counter per 2 MB frame of a slot, counting its write-protected 4 KB pages. The two
 * implementations store different raw values but answer every question the same way.
 */
sealed interface WriteProtectCounters permits CountFromZero, CountFromMinusOne {

    /**
     * Counters for {@code frames} frames, all starting at "no page write-protected".
     *
     * @param largeHost whether the host backing of every frame is an aligned 2 MB host page
     */
    static WriteProtectCounters create(CounterEncoding encoding, int frames, boolean largeHost) {
        return encoding == CounterEncoding.COUNT_FROM_MINUS_ONE
                ? new CountFromMinusOne(frames, largeHost)
                : new CountFromZero(frames, largeHost);
    }

    CounterEncoding encoding();

    /** The number of counters, one per frame. */
    int length();

    /** The raw stored value of a frame's counter. */
    int raw(int frame);

    /** The number of write-protected 4 KB pages in a frame. */
    int count(int frame);

    /** Whether the counter, with what it knows of the host backing, allows a large mapping of the frame. */
    boolean allowsLarge(int frame);

    void increment(int frame);

    /** Takes one off a frame's count, which the caller has found above zero. */
    void decrement(int frame);
}
