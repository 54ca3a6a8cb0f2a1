package org.gmck.kit.model.monitor;

/**
 * One generated guest descriptor, resolved into a raw 8-byte value once the size of the guest GDT its
 * selectors refer to is known (a call gate may name a guest slot, one of the monitor's own entries after
 * the guest's, a slot past them, or an LDT slot).
 *
 * @param kind    what it is: null, segment, ring-0 segment, TSS, LDT descriptor, call gate, other system type
 * @param bits    privilege level, presence, gate size and selector choices
 * @param noise   base, limit, offset and flag bits that the monitor must carry over unchanged
 */
record DescriptorDraw(int kind, int bits, long noise) {

    private static final long CODE_OR_DATA = 1L << 44;
    private static final long PRESENT = 1L << 47;
    private static final int[] CODE_TYPES = {0xA, 0xB, 0x8, 0xE, 0xF};
    private static final int[] DATA_TYPES = {0x2, 0x3, 0x0, 0x6, 0x7};
    private static final int[] TSS_TYPES = {0x9, 0xB, 0x1, 0x3};
    private static final int[] OTHER_SYSTEM_TYPES = {0xE, 0xF, 0x6, 0x7, 0x5, 0x0, 0x8, 0xA, 0xD};

    /** The raw descriptor, for a guest GDT of {@code guestGdtSize} descriptors. */
    long resolve(int guestGdtSize) {
        int dpl = bits & 3;
        boolean present = (bits >>> 2 & 3) != 0;
        int choice = bits >>> 4;
        return switch (Math.floorMod(kind, 12)) {
            case 0 -> 0L;
            case 1, 2 -> segment(CODE_TYPES[choice % CODE_TYPES.length], dpl, present);
            case 3, 4 -> segment(DATA_TYPES[choice % DATA_TYPES.length], dpl, present);
            case 5 -> system(TSS_TYPES[choice % TSS_TYPES.length], dpl, present, segmentNoise());
            case 6 -> system(0x2, dpl, present, segmentNoise());
            case 7, 8, 9 -> system((choice & 1) == 0 ? 0xC : 0x4, dpl, present, gateNoise(choice >>> 1, guestGdtSize));
            case 10 ->
                system(
                        OTHER_SYSTEM_TYPES[choice % OTHER_SYSTEM_TYPES.length],
                        dpl,
                        present,
                        gateNoise(choice / OTHER_SYSTEM_TYPES.length, guestGdtSize));
            default ->
                segment(
                        (choice & 1) == 0
                                ? CODE_TYPES[choice / 2 % CODE_TYPES.length]
                                : DATA_TYPES[choice / 2 % DATA_TYPES.length],
                        0,
                        present);
        };
    }

    private long segment(int type, int dpl, boolean present) {
        return segmentNoise() | CODE_OR_DATA | access(type, dpl, present);
    }

    private static long system(int type, int dpl, boolean present, long rest) {
        return rest | access(type, dpl, present);
    }

    private static long access(int type, int dpl, boolean present) {
        return (long) type << 40 | (long) dpl << 45 | (present ? PRESENT : 0);
    }

    /** Base, limit and flags as a flat or odd segment has them: every bit but the access byte. */
    private long segmentNoise() {
        return switch ((int) Math.floorMod(noise, 4L)) {
            case 0 -> 0x00CF_0000_0000_FFFFL;
            case 1 -> 0x0000_0000_0000_0000L;
            default -> noise & 0xFFFF_00FF_FFFF_FFFFL;
        };
    }

    /** A gate's offset and parameter count around a selector chosen by {@code target}. */
    private long gateNoise(int target, int guestGdtSize) {
        long selector = selector(target, guestGdtSize) | (noise >>> 8 & 3);
        long offset = noise & 0xFFFF_0000_0000_FFFFL;
        return offset | selector << 16 | (noise >>> 12 & 0x1FL) << 32;
    }

    /** A selector (without its RPL): a guest GDT slot, the monitor's code or data entry, past them, or an LDT slot. */
    private long selector(int target, int guestGdtSize) {
        long pick = noise >>> 40 & 0xFFFF;
        long index = switch (target % 6) {
            case 0 -> pick % guestGdtSize;
            case 1 -> guestGdtSize;
            case 2 -> guestGdtSize + 1L;
            case 3 -> guestGdtSize + 2 + pick % 4;
            default -> -1;
        };
        if (index < 0) {
            long ldtIndex = target % 6 == 4 ? guestGdtSize + pick % 3 : pick % 8;
            return Math.min(ldtIndex, 8191) << 3 | 4;
        }
        return Math.min(index, 8191) << 3;
    }
}
