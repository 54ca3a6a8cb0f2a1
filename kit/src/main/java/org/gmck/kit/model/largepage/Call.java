package org.gmck.kit.model.largepage;

import static org.gmck.kit.model.largepage.Space.text;

import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.MemorySlot;

/**
 * One concrete call of a sequence: what is called, with which addresses, and the Gherkin step that makes the
 * same call.
 *
 * @param kind    the call
 * @param address the guest-virtual address of a guest large entry; otherwise the same as {@code gpa}
 * @param gpa     the guest-physical address (a page, a frame, or a slot's base)
 * @param times   how often each page is shadowed, for {@link Kind#SHADOW_ALL}
 * @param slot    the slot or guest memory added (the host address unused for guest memory)
 */
record Call(Kind kind, long address, long gpa, int times, MemorySlot slot) {

    /** The calls of a {@link org.gmck.spi.largepage.ShadowMmu}, bulk shadowing counted as one. */
    enum Kind {
        ADD_SLOT,
        ADD_MEMORY,
        SHADOW,
        UNSHADOW,
        SHADOW_ALL,
        MAP_LARGE,
        MAP_REAL_MODE,
        MAP_NESTED,
        DECIDE,
        COUNTERS,
        COUNT;

        /** Whether the call shadows a 2 MB guest mapping. */
        boolean maps() {
            return this == MAP_LARGE || this == MAP_REAL_MODE || this == MAP_NESTED;
        }

        /** Whether the call write-protects pages. */
        boolean protects() {
            return this == SHADOW || this == SHADOW_ALL;
        }
    }

    static Call at(Kind kind, long gpa) {
        return new Call(kind, gpa, gpa, 0, null);
    }

    /** The When step that makes this call. */
    String gherkin() {
        switch (kind) {
            case ADD_SLOT:
                return "I add a memory slot from " + text(slot.guestBase()) + " to " + text(slot.guestEnd()) + " on "
                        + (slot.backing() == HostBacking.LARGE_PAGES ? "2 MB" : "4 KB") + " pages at host "
                        + text(slot.hostBase());
            case ADD_MEMORY:
                return "I add guest memory from " + text(slot.guestBase()) + " to " + text(slot.guestEnd());
            case SHADOW:
                return "I shadow the guest page table at " + text(gpa);
            case UNSHADOW:
                return "I unshadow the guest page table at " + text(gpa);
            case SHADOW_ALL:
                return "every 4 KB page of the 2 MB frame at " + text(gpa) + " holds a page table shadowed " + times
                        + (times == 1 ? " time" : " times");
            case MAP_LARGE:
                return "I shadow the guest large entry mapping " + text(address) + " to " + text(gpa);
            case MAP_REAL_MODE:
                return "I shadow the real-mode pseudo entry for " + text(gpa);
            case MAP_NESTED:
                return "I map the 2 MB guest frame at " + text(gpa) + " in the nested page table";
            case DECIDE:
                return "I ask whether the 2 MB guest frame at " + text(gpa) + " may be shadowed large";
            case COUNTERS:
                return "I ask for the counters of the slot from " + text(gpa);
            default:
                return "I ask for the write-protect count of the 2 MB frame at " + text(gpa);
        }
    }
}
