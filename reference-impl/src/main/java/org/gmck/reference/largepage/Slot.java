package org.gmck.reference.largepage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.largepage.CounterArray;
import org.gmck.spi.largepage.CounterEncoding;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.LargePageStatus;
import org.gmck.spi.largepage.MemorySlot;

/**
 * A memory slot with its per-frame write-protect counters and its per-page shadow counts, both packed.
 * Only the 2 MB frames lying wholly inside the slot have a counter; a frame cut by the slot's edge can never
 * be mapped large from this slot.
 */
final class Slot {

    private final MemorySlot spec;
    private final long firstFrame;
    private final boolean largeHost;
    private final WriteProtectCounters counters;
    /**
     * How many shadows each 4 KB page of the slot has (a page table may be shadowed more than once), by page
     * index; pages without shadows have no entry, so the cost follows the shadowed pages, not the slot's size.
     */
    private final Map<Long, Integer> shadows = new HashMap<>();

    Slot(MemorySlot spec, CounterEncoding encoding) {
        this.spec = spec;
        this.firstFrame = Geometry.frameCeiling(spec.guestBase());
        long framesEnd = Geometry.frameBase(spec.guestEnd());
        // The slot table refuses slots over SlotTable.MAX_SLOT_BYTES, so the frame count fits an int.
        int frames = Math.toIntExact(Math.max(0, framesEnd - firstFrame) >>> Geometry.FRAME_SHIFT);
        // A slot on 2 MB host pages starts on a 2 MB host boundary (the slot table refuses any other), so
        // its host pages line up with the guest's frames exactly when its guest base is 2 MB aligned too.
        this.largeHost = spec.backing() == HostBacking.LARGE_PAGES && Geometry.frameAligned(spec.guestBase());
        this.counters = WriteProtectCounters.create(encoding, frames, largeHost);
    }

    MemorySlot spec() {
        return spec;
    }

    boolean contains(long gpa) {
        return spec.contains(gpa);
    }

    /** Whether the slot is backed by 2 MB host pages that line up with the guest's 2 MB frames. */
    boolean largeHost() {
        return largeHost;
    }

    /** Whether the 2 MB frame at {@code frameGpa} lies wholly inside the slot and so has a counter. */
    boolean counts(long frameGpa) {
        return frameGpa >= firstFrame && frameIndex(frameGpa) < counters.length();
    }

    boolean counterAllowsLarge(long frameGpa) {
        return counters.allowsLarge(frameIndex(frameGpa));
    }

    int writeProtectCount(long gpa) {
        long frame = Geometry.frameBase(gpa);
        if (!counts(frame)) {
            throw new RejectedException(
                    LargePageStatus.NO_SLOT,
                    String.format("the 2 MB frame at %#x has no counter in the slot at %#x", frame, spec.guestBase()));
        }
        return counters.count(frameIndex(frame));
    }

    CounterArray counterArray() {
        Integer[] raw = new Integer[counters.length()];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = counters.raw(i);
        }
        return new CounterArray(firstFrame, counters.encoding(), List.of(raw));
    }

    boolean shadowed(long gpa) {
        return shadows.containsKey(pageIndex(gpa));
    }

    /** Adds one shadow to the page, which is write-protected from now on. */
    void addShadow(long gpa) {
        long frame = Geometry.frameBase(gpa);
        if (counts(frame)) {
            counters.increment(frameIndex(frame));
        }
        shadows.merge(pageIndex(gpa), 1, Integer::sum);
    }

    /**
     * Removes one shadow from the page, checking the frame's counter first and the page's own shadows
     * second; nothing changes when either is refused.
     */
    void removeShadow(long gpa) {
        long frame = Geometry.frameBase(gpa);
        boolean counted = counts(frame);
        if (counted && counters.count(frameIndex(frame)) == 0) {
            throw new RejectedException(
                    LargePageStatus.WRITE_PROTECT_COUNT_UNDERFLOW,
                    String.format(
                            "the counter of the 2 MB frame at %#x already says no page is write-protected", frame));
        }
        long page = pageIndex(gpa);
        int count = shadows.getOrDefault(page, 0);
        if (count == 0) {
            throw new RejectedException(
                    LargePageStatus.PAGE_NOT_SHADOWED,
                    String.format("no page table is shadowed in the page at %#x", Geometry.pageBase(gpa)));
        }
        if (counted) {
            counters.decrement(frameIndex(frame));
        }
        if (count == 1) {
            shadows.remove(page);
        } else {
            shadows.put(page, count - 1);
        }
    }

    private int frameIndex(long frameGpa) {
        return (int) ((frameGpa - firstFrame) >>> Geometry.FRAME_SHIFT);
    }

    private long pageIndex(long gpa) {
        return (gpa - spec.guestBase()) >>> Geometry.PAGE_SHIFT;
    }
}
