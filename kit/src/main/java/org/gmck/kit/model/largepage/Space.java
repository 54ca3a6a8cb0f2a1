package org.gmck.kit.model.largepage;

import java.util.ArrayList;
import java.util.List;
import org.gmck.kit.Numbers;

/**
 * The small address space the large-page model plays in, and how its steps write addresses. Slots go in the
 * first 16 MB of guest-physical memory (eight 2 MB frames), with their edges on a frame boundary, one page
 * into a frame, half-way through it or one page before its end; the model looks at a ninth frame above them,
 * at a few pages of each frame (the first, second, third and fourth, both sides of the middle and the last
 * two, so both sides of every edge a slot can have), and at two guest-virtual frames from 1 GB for guest
 * large entries that do not map their own address.
 */
final class Space {

    static final long KB = 1L << 10;
    static final long MB = 1L << 20;
    static final long GB = 1L << 30;
    static final long PAGE = 4 * KB;
    static final long FRAME = 2 * MB;
    /** The end of the 52-bit guest-physical address space. */
    static final long TOP = 1L << 52;
    /** Slots of the model end at or below this. */
    static final long SLOT_AREA = 8 * MB;
    /** Guest-physical frames the model looks at: 0 to 10 MB, the slot area's four and one above. */
    static final int FRAMES = 5;
    /** Where the guest-virtual frames of guest large entries start, and how many there are. */
    static final long VIRTUAL_BASE = GB;

    static final int VIRTUAL_FRAMES = 2;
    /** The offsets in a frame where a slot may start or end. */
    static final long[] EDGES = {0, PAGE, MB, FRAME - PAGE};
    /** The pages of each frame the model looks at. */
    static final long[] PAGES = {0, PAGE, 2 * PAGE, 3 * PAGE, MB - PAGE, MB, FRAME - 2 * PAGE, FRAME - PAGE};

    private Space() {}

    static long frameOf(long address) {
        return address & -FRAME;
    }

    static long pageOf(long address) {
        return address & -PAGE;
    }

    static long frame(int index) {
        return index * FRAME;
    }

    private static final List<Long> OBSERVED_PAGES = observe(false, true);
    private static final List<Long> OBSERVED_FRAMES = observe(false, false);
    private static final List<Long> OBSERVED_ENTRY_FRAMES = observe(true, false);

    /** Every page the model looks at, in address order. */
    static List<Long> observedPages() {
        return OBSERVED_PAGES;
    }

    /** Every guest-physical frame the model looks at. */
    static List<Long> observedFrames() {
        return OBSERVED_FRAMES;
    }

    /** The frames whose shadow or nested entries the model looks at: guest-virtual ones, then identity ones. */
    static List<Long> observedEntryFrames() {
        return OBSERVED_ENTRY_FRAMES;
    }

    private static List<Long> observe(boolean virtual, boolean pages) {
        List<Long> addresses = new ArrayList<>();
        for (int v = 0; virtual && v < VIRTUAL_FRAMES; v++) {
            addresses.add(VIRTUAL_BASE + v * FRAME);
        }
        for (int f = 0; f < FRAMES; f++) {
            for (long offset : pages ? PAGES : new long[] {0}) {
                addresses.add(frame(f) + offset);
            }
        }
        return List.copyOf(addresses);
    }

    /**
     * An address as the large-page steps write it: {@code 1 GB + 2 MB + 8 KB}, {@code 0 MB}, {@code -2 MB}, or
     * hexadecimal where that would be long or not whole kilobytes.
     */
    static String text(long value) {
        if (value < 0) {
            return value % KB == 0 && value > -GB ? "-" + (-value / KB) + " KB" : Numbers.hex(value);
        }
        if (value % KB != 0 || value >= 1024 * GB) {
            return Numbers.hex(value);
        }
        List<String> parts = new ArrayList<>();
        long gb = value / GB;
        long mb = value % GB / MB;
        long kb = value % MB / KB;
        if (gb > 0) {
            parts.add(gb + " GB");
        }
        if (mb > 0) {
            parts.add(mb + " MB");
        }
        if (kb > 0) {
            parts.add(kb + " KB");
        }
        return parts.isEmpty() ? "0 MB" : String.join(" + ", parts);
    }
}
