package org.gmck.spi.largepage;

/**
 * The two encodings of a frame's write-protect counter discussed in seed 004. Both must lead to the same
 * decisions; they differ only in the raw values stored.
 */
public enum CounterEncoding {
    /**
     * The counter is the number of write-protected 4 KB pages in the frame, starting at 0; a large
     * mapping needs a large, aligned host page and a counter of 0.
     */
    COUNT_FROM_ZERO,
    /**
     * The counter starts at -1 when the frame's host backing is an aligned 2 MB page and at 0 otherwise,
     * and moves by one per write-protection; a large mapping is allowed exactly while it is -1.
     */
    COUNT_FROM_MINUS_ONE
}
