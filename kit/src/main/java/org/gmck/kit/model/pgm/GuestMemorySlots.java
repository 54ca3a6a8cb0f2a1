package org.gmck.kit.model.pgm;

import java.util.List;
import org.gmck.kit.model.pgm.GuestMemoryOp.Access;
import org.gmck.kit.model.pgm.GuestMemoryOp.RangeShape;

/**
 * Where the model's ranges go: a few slots in the guest physical address space, small enough that a sequence
 * fills them, with a first, middle and last page where they are long enough, one range of a single page and
 * one ending exactly at the top of the 52-bit physical address space. Slot 0 holds the RAM every sequence
 * starts with. Ranges may also be registered over, around or next to a slot, or with a bad shape.
 */
final class GuestMemorySlots {

    static final long PAGE = 4096;
    static final long TOP = 1L << 52;

    /** Slot starts and their sizes in pages. */
    private static final long[][] SLOTS = {
        {0x0, 4},
        {0x10000, 1},
        {0xC0000, 3},
        {0xF0000, 2},
        {0xE0000000L, 2},
        {TOP - 3 * PAGE, 3},
    };

    /** Addresses in no slot: a gap, past the low slots, past every slot, past 52 bits, and the top of 64 bits. */
    private static final List<Long> OUTSIDE =
            List.of(0x8000L, 0x20000L, 0x7FFFF000L, 0x100000000L, 0xFFFFFFFFF0000L, TOP, -PAGE);

    /** The size of the RAM range at slot 0 every sequence starts with. */
    static final long FIRST_RAM_SIZE = SLOTS[0][1] * PAGE;

    private GuestMemorySlots() {}

    static int count() {
        return SLOTS.length;
    }

    /** The start and size of a range of {@code shape} at slot {@code slot}. */
    static long[] range(int slot, RangeShape shape) {
        long start = SLOTS[slot][0];
        long pages = SLOTS[slot][1];
        return switch (shape) {
            case EXACT -> new long[] {start, pages * PAGE};
            case OVERLAP_AT_START -> new long[] {start - PAGE, 2 * PAGE};
            case OVERLAP_AT_END -> new long[] {start + (pages - 1) * PAGE, 2 * PAGE};
            case INSIDE -> new long[] {start + (pages > 1 ? PAGE : 0), PAGE};
            case AROUND -> new long[] {start - PAGE, (pages + 2) * PAGE};
            case TOUCHING_BELOW -> new long[] {start - PAGE, PAGE};
            case TOUCHING_ABOVE -> new long[] {start + pages * PAGE, PAGE};
            case MISALIGNED_START -> new long[] {start + 0x800, PAGE};
            case MISALIGNED_SIZE -> new long[] {start, pages * PAGE - 0x800};
            case NO_PAGES -> new long[] {start, 0};
            case NEGATIVE_SIZE -> new long[] {start, -pages * PAGE};
            case END_PAST_52_BITS -> new long[] {TOP - PAGE, 2 * PAGE};
            case START_PAST_52_BITS -> new long[] {TOP, PAGE};
        };
    }

    static long outside(int index) {
        return OUTSIDE.get(Math.floorMod(index, OUTSIDE.size()));
    }

    /** The offset in its page an access of this shape starts at, {@code lastWrite} the offset the guest last wrote at. */
    static long offset(Access access, long lastWrite) {
        int width = access.width();
        long natural = width == 1 || width == 2 || width == 4 || width == 8 ? width : 8;
        long word = Math.floorMod(access.word(), (int) (PAGE / 8)) * 8L;
        return switch (access.place()) {
            case PAGE_START -> 0;
            case PAGE_END -> PAGE - natural;
            case MID_PAGE -> word + (natural < 8 ? (access.word() & 7) / natural * natural : 0);
            case MISALIGNED -> word + 1;
            case LAST_WRITE -> lastWrite & -natural;
        };
    }
}
