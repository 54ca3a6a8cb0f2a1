package org.gmck.reference.x86;

/**
 * One row of a bit-layout table: bits {@code high..low} of an entry and their role.
 *
 * @param name the SDM's name for the field
 * @param high the highest bit
 * @param low  the lowest bit
 * @param role what the bits are
 */
record BitField(String name, int high, int low, BitRole role) {

    /** A one-bit flag with a meaning. */
    BitField(String name, int bit) {
        this(name, bit, bit, BitRole.FLAG);
    }

    /** The mask of bits {@code high..low}. */
    long mask() {
        return bits(high, low);
    }

    /** The mask of bits {@code high..low}; empty when {@code high < low}. */
    static long bits(int high, int low) {
        if (high < low) {
            return 0;
        }
        long upTo = high == 63 ? -1L : (1L << (high + 1)) - 1;
        return upTo & -(1L << low);
    }
}
