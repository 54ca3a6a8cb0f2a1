package org.gmck.kit.model.largepage;

import static org.gmck.kit.model.largepage.Space.text;

import java.util.List;
import java.util.Optional;
import org.gmck.spi.largepage.CounterEncoding;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.ShadowEntry;

/** The Then steps of the large-page vocabulary that assert what the model expects, as text. */
final class Thens {

    private Thens() {}

    static String rejected(Object status) {
        return "the call is rejected with " + status;
    }

    static String accepted() {
        return "the MMU accepted the call";
    }

    static String decision(Object decision) {
        return "the mapping decision is " + decision;
    }

    static String countsFrom(CounterEncoding encoding) {
        return "the MMU counts from " + (encoding == CounterEncoding.COUNT_FROM_ZERO ? "zero" : "minus one");
    }

    /** The slots, as the table of "the memory slots are:" or "the call answers the slots:". */
    static String slots(String heading, List<MemorySlot> slots) {
        StringBuilder table = new StringBuilder(heading).append("\n| from | to | host pages |");
        for (MemorySlot s : slots) {
            table.append("\n| ")
                    .append(text(s.guestBase()))
                    .append(" | ")
                    .append(text(s.guestEnd()))
                    .append(" | ")
                    .append(s.backing() == HostBacking.LARGE_PAGES ? "2 MB" : "4 KB")
                    .append(" |");
        }
        return table.toString();
    }

    static String memorySlots(List<MemorySlot> slots) {
        return slots.isEmpty() ? "there is no memory slot" : slots("the memory slots are:", slots);
    }

    static String answeredSlots(List<MemorySlot> slots) {
        return slots("the call answers the slots:", slots);
    }

    static String hostAligned(long base) {
        return "the slot from " + text(base)
                + " starts at a host address as far from a 2 MB boundary as its guest address";
    }

    static String hostOwn() {
        return "the slots the call answered share host memory with no other slot";
    }

    static String protection(long page, boolean writeProtected) {
        return "the page at " + text(page) + (writeProtected ? " is" : " is not") + " write-protected";
    }

    static String frameDecision(long frame, Answer answer) {
        return answer.accepted()
                ? "the large-mapping decision for the 2 MB guest frame at " + text(frame) + " is " + answer.value()
                : "asking whether the 2 MB guest frame at " + text(frame) + " may be shadowed large is refused with "
                        + answer.status();
    }

    static String entry(long address, Optional<ShadowEntry> entry) {
        if (entry.isEmpty()) {
            return text(address) + " has no present shadow entry";
        }
        ShadowEntry e = entry.get();
        if (e.size() == MappingSize.LARGE_2M) {
            return text(address) + " is translated by a 2 MB entry to " + text(e.gpa());
        }
        return text(address) + " is translated by a " + (e.writable() ? "writable" : "read-only") + " 4 KB entry to "
                + text(e.gpa());
    }

    static String counterShape(long base, int counters, long firstFrame) {
        return counters == 0
                ? "the slot from " + text(base) + " has no write-protect counter"
                : "the slot from " + text(base) + " has " + counters
                        + " write-protect counters, the first for the 2 MB frame at " + text(firstFrame);
    }

    static String counterEncoding(long base, CounterEncoding encoding) {
        return "the counters of the slot from " + text(base) + " count from "
                + (encoding == CounterEncoding.COUNT_FROM_ZERO ? "zero" : "minus one");
    }

    static String raw(long frame, int raw) {
        return "the raw counter of the 2 MB frame at " + text(frame) + " is " + raw;
    }

    static String everyRaw(long base, int raw) {
        return "every raw counter of the slot from " + text(base) + " is " + raw;
    }

    static String count(long frame, Answer count) {
        return count.accepted()
                ? "the 2 MB frame at " + text(frame) + " counts " + count.value() + " write-protected page"
                        + ((Integer) count.value() == 1 ? "" : "s")
                : "the 2 MB frame at " + text(frame) + " has no write-protect counter";
    }
}
