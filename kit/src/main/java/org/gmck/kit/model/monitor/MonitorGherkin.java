package org.gmck.kit.model.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gmck.kit.Numbers;
import org.gmck.spi.monitor.MonitorEntry;

/** The monitor steps of the kit's vocabulary, written with the values a session uses. */
final class MonitorGherkin {

    private MonitorGherkin() {}

    /** A list of addresses or descriptors as the steps write them: {@code 0x1, 0x2 and 0x3}. */
    static String addresses(List<Long> values) {
        return join(values.stream().map(Numbers::hex).toList());
    }

    /** A list of guest pages as the steps write them: {@code 0, 2 and 3}. */
    static String pages(List<? extends Number> pages) {
        return join(pages.stream().map(p -> Long.toString(p.longValue())).toList());
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    static String rights(boolean writable, boolean user) {
        return (writable ? "writable " : "read-only ") + (user ? "user" : "supervisor");
    }

    // ---- set-up and operations

    static String monitor(Geometry g) {
        return "a monitor for a guest of " + g.guestPages() + " pages with the host page array "
                + addresses(g.hostPageArray());
    }

    static String create(int guestPages, List<Long> array) {
        return array.isEmpty()
                ? "I create a monitor for a guest of " + guestPages + " pages with an empty host page array"
                : "I create a monitor for a guest of " + guestPages + " pages with the host page array "
                        + addresses(array);
    }

    static String map(long linear, long guestPage, boolean writable, boolean user) {
        return "the guest maps " + Numbers.hex(linear) + " to guest page " + guestPage + " " + rights(writable, user)
                + " now";
    }

    /** A guest mapping of a sequence's start, which must be accepted. */
    static String initialMap(long linear, long guestPage, boolean writable, boolean user) {
        return "the guest maps " + Numbers.hex(linear) + " to guest page " + guestPage + " " + rights(writable, user);
    }

    /** A supervisor read of a sequence's start, which must be answered. */
    static String touched(long linear) {
        return "the guest has touched " + Numbers.hex(linear);
    }

    static String unmap(long linear) {
        return "the guest unmaps " + Numbers.hex(linear);
    }

    static String pdbr() {
        return "the guest loads its page directory base register";
    }

    static String access(long address, boolean write, boolean user) {
        return "the guest makes a " + (user ? "user" : "supervisor") + " " + (write ? "write" : "read") + " at "
                + Numbers.hex(address);
    }

    static String pressure(int pages) {
        return "the host needs " + pages + (pages == 1 ? " page" : " pages") + " back";
    }

    static String initialGdt(List<Long> descriptors) {
        return "the guest loads a GDT of " + addresses(descriptors);
    }

    static String loadGdt(List<Long> descriptors) {
        return "the guest loads the GDT " + addresses(descriptors);
    }

    static String loadLdt(List<Long> descriptors) {
        return descriptors.isEmpty()
                ? "the guest loads an LDT of 0 descriptors"
                : "the guest loads the LDT " + addresses(descriptors);
    }

    static String loadLarge(boolean ldt, int size) {
        return ldt
                ? "the guest loads an LDT of " + size + " descriptors"
                : "the guest loads a GDT of " + size + " descriptors";
    }

    // ---- checks

    static String accepted() {
        return "the monitor accepted the call";
    }

    static String rejected(String status) {
        return "the call is rejected with " + status;
    }

    static String route(Object route) {
        return "the access went " + route;
    }

    static String gaveBack(int count) {
        return "the monitor gave back " + count + (count == 1 ? " page" : " pages");
    }

    static String guestPages(int pages) {
        return "the monitor serves a guest of " + pages + " pages";
    }

    static String servedByNothing(int guestPage) {
        return "guest page " + guestPage + " is served by no host page";
    }

    static String servedFromArray(int guestPage) {
        return "guest page " + guestPage + " is served by a page of the host page array";
    }

    static String servedBy(int guestPage, long host) {
        return "guest page " + guestPage + " is served by host page " + Numbers.hex(host);
    }

    static String distinct() {
        return "the resident guest pages are served by distinct pages of the host page array";
    }

    static String entry(long linear, int guestPage, Optional<MonitorEntry> entry) {
        return entry.map(e -> "the monitor entry for " + Numbers.hex(linear) + " maps the host page serving guest page "
                        + guestPage + ", " + rights(e.writable(), e.user()))
                .orElse("the monitor tables do not map " + Numbers.hex(linear));
    }

    static String locked(List<Integer> guestPages) {
        return guestPages.isEmpty()
                ? "0 host pages are locked"
                : "the host pages locked are those serving guest " + (guestPages.size() == 1 ? "page " : "pages ")
                        + pages(guestPages);
    }

    static String mapped(List<Integer> guestPages) {
        return guestPages.isEmpty()
                ? "the monitor tables map no host page"
                : "the host pages the monitor tables map are those serving guest "
                        + (guestPages.size() == 1 ? "page " : "pages ") + pages(guestPages);
    }

    static String stepLocked(List<Integer> guestPages) {
        return guestPages.isEmpty()
                ? "the last step locked no host page"
                : "the last step locked a host page for guest " + (guestPages.size() == 1 ? "page " : "pages ")
                        + pages(guestPages);
    }

    static String stepGaveBack(List<Integer> guestPages) {
        return guestPages.isEmpty()
                ? "the last step gave back no guest page"
                : "the last step gave back guest " + (guestPages.size() == 1 ? "page " : "pages ") + pages(guestPages)
                        + ", in that order";
    }

    static String stepLoggedNothing() {
        return "the last step logged nothing";
    }

    static String unmappedBeforeUnlocked() {
        return "each page the last step gave back was out of the monitor tables before it was unlocked";
    }

    static String lockedBeforeMapped() {
        return "each page the last step mapped was locked on the host first";
    }

    static String lockedFreePages() {
        return "each host page the last step locked was a page of the host page array that no guest page held";
    }

    static String logMapped(List<Integer> guestPages) {
        return guestPages.isEmpty()
                ? "the monitor's log leaves no guest page mapped"
                : "the monitor's log leaves guest " + (guestPages.size() == 1 ? "page " : "pages ") + pages(guestPages)
                        + " mapped";
    }

    /** The host pages locked and unlocked so far, as a step with a data table. */
    static String lockHistory(List<PageModel.LockStep> history) {
        if (history.isEmpty()) {
            return "the monitor has locked no host page so far";
        }
        StringBuilder step = new StringBuilder("the monitor has locked and unlocked host pages in this order:");
        for (PageModel.LockStep s : history) {
            step.append("\n| ")
                    .append(s.kind() == org.gmck.spi.monitor.MonitorEvent.Kind.LOCKED ? "locked" : "unlocked")
                    .append(" | ")
                    .append(s.guestPage())
                    .append(" | ")
                    .append(Numbers.hex(s.hostPage()))
                    .append(" |");
        }
        return step.toString();
    }

    static String noArmedGateInLdt() {
        return "no present call gate in the monitor LDT names one of the monitor's own entries";
    }

    static String tableSize(String table, int size) {
        return "the monitor " + table + " has " + size + " entries";
    }

    static String slot(String table, int slot, long descriptor) {
        return "slot " + slot + " of the monitor " + table + " holds " + Numbers.hex(descriptor);
    }

    /** Steps asserting a whole table: its size, then its slots, runs of one descriptor written as a range. */
    static List<String> table(String table, List<Long> slots) {
        List<String> steps = new ArrayList<>();
        steps.add(tableSize(table, slots.size()));
        int from = 0;
        while (from < slots.size()) {
            int to = from;
            while (to + 1 < slots.size() && slots.get(to + 1).equals(slots.get(from))) {
                to++;
            }
            steps.add(
                    to - from >= 2
                            ? "slots " + from + " to " + to + " of the monitor " + table + " hold "
                                    + Numbers.hex(slots.get(from))
                            : slot(table, from, slots.get(from)));
            if (to - from == 1) {
                steps.add(slot(table, to, slots.get(to)));
            }
            from = to + 1;
        }
        return steps;
    }
}
