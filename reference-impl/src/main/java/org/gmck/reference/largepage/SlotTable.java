package org.gmck.reference.largepage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.largepage.CounterEncoding;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.LargePageStatus;
import org.gmck.spi.largepage.MemorySlot;

/** The memory slots of a VM, by guest-physical base, with the checks a new slot must pass. */
final class SlotTable {

    /**
     * The largest slot the table takes: 2^40 bytes (1 TiB), 512K frames' counters. A larger one is refused
     * with SLOT_TOO_LARGE before any counter is made.
     */
    static final long MAX_SLOT_BYTES = 1L << 40;

    private final TreeMap<Long, Slot> slots = new TreeMap<>();
    private final CounterEncoding encoding;

    SlotTable(CounterEncoding encoding) {
        this.encoding = encoding;
    }

    /** Checks a slot against the others and the ones about to be added with it; changes nothing. */
    void check(MemorySlot spec, List<MemorySlot> alsoAdding) {
        if (spec.size() <= 0) {
            throw refused(LargePageStatus.SLOT_EMPTY, spec, "holds no memory");
        }
        if (!Geometry.pageAligned(spec.guestBase())
                || !Geometry.pageAligned(spec.size())
                || !Geometry.pageAligned(spec.hostBase())) {
            throw refused(LargePageStatus.SLOT_MISALIGNED, spec, "must have a guest base, size and host base in 4 KB");
        }
        if (spec.backing() == HostBacking.LARGE_PAGES && !Geometry.frameAligned(spec.hostBase())) {
            throw refused(LargePageStatus.SLOT_MISALIGNED, spec, "must start on a 2 MB host boundary");
        }
        if (spec.guestBase() < 0 || spec.size() > Geometry.ADDRESS_LIMIT - spec.guestBase()) {
            throw refused(LargePageStatus.SLOT_OUT_OF_RANGE, spec, "does not fit in 52-bit guest-physical addresses");
        }
        if (spec.hostBase() < 0 || spec.size() > Long.MAX_VALUE - spec.hostBase()) {
            throw refused(LargePageStatus.SLOT_OUT_OF_RANGE, spec, "has host memory past the largest host address");
        }
        List<MemorySlot> others = new ArrayList<>(alsoAdding);
        slots.values().forEach(s -> others.add(s.spec()));
        for (MemorySlot other : others) {
            if (spec.guestBase() < other.guestEnd() && other.guestBase() < spec.guestEnd()) {
                throw refused(
                        LargePageStatus.SLOT_OVERLAP,
                        spec,
                        String.format("overlaps the slot [%#x, %#x)", other.guestBase(), other.guestEnd()));
            }
        }
        if (spec.size() > MAX_SLOT_BYTES) {
            throw refused(LargePageStatus.SLOT_TOO_LARGE, spec, "is larger than the 2^40 bytes a slot may have");
        }
    }

    void add(MemorySlot spec) {
        check(spec, List.of());
        slots.put(spec.guestBase(), new Slot(spec, encoding));
    }

    Optional<Slot> find(long gpa) {
        Map.Entry<Long, Slot> floor = slots.floorEntry(gpa);
        return floor != null && floor.getValue().contains(gpa) ? Optional.of(floor.getValue()) : Optional.empty();
    }

    Slot require(long gpa) {
        return find(gpa)
                .orElseThrow(() -> new RejectedException(
                        LargePageStatus.NO_SLOT,
                        String.format("guest-physical address %#x lies in no memory slot", gpa)));
    }

    Slot startingAt(long guestBase) {
        Slot slot = slots.get(guestBase);
        if (slot == null) {
            throw new RejectedException(
                    LargePageStatus.NO_SLOT, String.format("no memory slot starts at %#x", guestBase));
        }
        return slot;
    }

    /** Whether every 4 KB page of the 2 MB frame at {@code frameGpa} lies in some slot. */
    boolean covers(long frameGpa) {
        long address = frameGpa;
        long end = frameGpa + Geometry.FRAME_SIZE;
        while (address < end) {
            Optional<Slot> slot = find(address);
            if (slot.isEmpty()) {
                return false;
            }
            address = slot.get().spec().guestEnd();
        }
        return true;
    }

    /** The first host address past the host memory of every slot (0 without slots). */
    long hostEnd() {
        long end = 0;
        for (Slot slot : slots.values()) {
            end = Math.max(end, slot.spec().hostBase() + slot.spec().size());
        }
        return end;
    }

    List<MemorySlot> specs() {
        List<MemorySlot> list = new ArrayList<>();
        slots.values().forEach(s -> list.add(s.spec()));
        return list;
    }

    private static RejectedException refused(LargePageStatus status, MemorySlot spec, String why) {
        return new RejectedException(
                status,
                String.format(
                        "the slot [%#x, +%#x) at host %#x on %s %s",
                        spec.guestBase(), spec.size(), spec.hostBase(), spec.backing(), why));
    }
}
