package org.gmck.spi.gmm;

/**
 * The fields of one GMMPAGE word, as one of three views. {@code state} is the raw 2-bit state value.
 */
public sealed interface GmmPageFields {

    /** The raw value of the 2-bit state field. */
    int state();

    /** A private page: the guest page frame number and the owning VM handle. */
    record Private(int state, long pfn, int vmHandle) implements GmmPageFields {}

    /** A shared page: the host page frame number (64-bit layout only) and the reference count. */
    record Shared(int state, long pfn, long refs) implements GmmPageFields {}

    /** A free page: the index of the next free page (0xFFFF is NIL) and the zeroed flag (64-bit layout only). */
    record Free(int state, int next, boolean zeroed) implements GmmPageFields {}
}
