package org.gmck.kit.steps.monitor;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.monitor.MonitorEntry;
import org.gmck.spi.monitor.MonitorEvent;

/**
 * Steps that assert the whole observable state of a monitor, and what the last step that called it did to
 * its log: which host pages serve which guest pages, the monitor entries with their rights, the locked and
 * mapped host pages, the order of the log's events, and ranges of descriptor-table slots. They reach the
 * implementation only through the SPI. "The last step" is the last When step that called the monitor.
 */
public final class MonitorStateSteps {

    private final MonitorWorld world;
    private final ScenarioContext context;

    public MonitorStateSteps(MonitorWorld world) {
        this.world = world;
        this.context = world.context;
    }

    @Then("the monitor accepted the call")
    public void accepted() {
        context.expectAccepted("the call");
    }

    @Then("guest page {int} is served by a page of the host page array")
    public void servedFromArray(int guestPage) {
        Optional<Long> host = world.monitor.hostPageOf(guestPage);
        context.expectThat(
                "guest page " + guestPage + " must be served by a page of the host page array " + hex(world.array)
                        + ", is served by " + host.map(Numbers::hex).orElse("no host page"),
                host.isPresent() && world.array.contains(host.get()));
    }

    @Then("guest page {int} is served by host page {monAddress}")
    public void servedBy(int guestPage, long hostPage) {
        context.expectEqual(
                "the host page serving guest page " + guestPage,
                Optional.of(Numbers.hex(hostPage)),
                world.monitor.hostPageOf(guestPage).map(Numbers::hex));
    }

    @Then("the monitor entry for {monAddress} maps the host page serving guest page {int}, {monRights}")
    public void entry(long linear, int guestPage, String rights) {
        Optional<Long> host = world.monitor.hostPageOf(guestPage);
        context.expectThat("guest page " + guestPage + " must have a host page", host.isPresent());
        Optional<MonitorEntry> entry = world.monitor.monitorEntry(linear);
        context.expectEqual(
                "the monitor entry for " + Numbers.hex(linear),
                Optional.of(Numbers.hex(host.get()) + " " + rights),
                entry.map(e -> Numbers.hex(e.hostPage()) + " " + (e.writable() ? "writable " : "read-only ")
                        + (e.user() ? "user" : "supervisor")));
    }

    @Then("the host pages locked are those serving guest page(s) {monGuestPages}")
    public void lockedPages(List<Long> guestPages) {
        context.expectEqual(
                "the locked host pages", hex(hostPagesOf(guestPages)), hex(world.monitor.lockedHostPages()));
    }

    @Then("the host pages the monitor tables map are those serving guest page(s) {monGuestPages}")
    public void mappedPages(List<Long> guestPages) {
        context.expectEqual(
                "the host pages the monitor tables map",
                hex(hostPagesOf(guestPages)),
                hex(world.monitor.mappedHostPages()));
    }

    @Then("the monitor tables map no host page")
    public void nothingMapped() {
        context.expectEqual("the host pages the monitor tables map", List.of(), hex(world.monitor.mappedHostPages()));
    }

    @Then("the last step locked a host page for guest page(s) {monGuestPages}")
    public void stepLocked(List<Long> guestPages) {
        context.expectEqual(
                "the guest pages the last step locked a host page for",
                guestPages,
                stepPages(MonitorEvent.Kind.LOCKED));
    }

    @Then("the last step locked no host page")
    public void stepLockedNothing() {
        context.expectEqual(
                "the guest pages the last step locked a host page for", List.of(), stepPages(MonitorEvent.Kind.LOCKED));
    }

    @Then("the last step gave back guest page(s) {monGuestPages}, in that order")
    public void stepGaveBack(List<Long> guestPages) {
        context.expectEqual(
                "the guest pages the last step gave back, in order", guestPages, stepPages(MonitorEvent.Kind.UNLOCKED));
    }

    @Then("the last step gave back no guest page")
    public void stepGaveBackNothing() {
        context.expectEqual(
                "the guest pages the last step gave back", List.of(), stepPages(MonitorEvent.Kind.UNLOCKED));
    }

    @Then("the last step logged nothing")
    public void stepLoggedNothing() {
        context.expectEqual("the events the last step logged", List.of(), world.stepEvents());
    }

    @Then("each page the last step gave back was out of the monitor tables before it was unlocked")
    public void stepUnmappedBeforeUnlocked() {
        List<MonitorEvent> log = world.monitor.events();
        MonitorLogReading reading = MonitorLogReading.upTo(log, world.eventsBeforeStep);
        for (MonitorEvent e : log.subList(Math.min(world.eventsBeforeStep, log.size()), log.size())) {
            if (e.kind() == MonitorEvent.Kind.UNLOCKED) {
                context.expectThat(
                        "guest page " + e.guestPage() + " was unlocked while the log still shows it mapped: "
                                + world.stepEvents(),
                        !reading.mapped(e.guestPage()));
            }
            reading.read(e);
        }
    }

    @Then("each page the last step mapped was locked on the host first")
    public void stepLockedBeforeMapped() {
        List<MonitorEvent> log = world.monitor.events();
        MonitorLogReading reading = MonitorLogReading.upTo(log, world.eventsBeforeStep);
        for (MonitorEvent e : log.subList(Math.min(world.eventsBeforeStep, log.size()), log.size())) {
            if (e.kind() == MonitorEvent.Kind.MAPPED) {
                context.expectThat(
                        "guest page " + e.guestPage() + " was mapped on host page " + Numbers.hex(e.hostPage())
                                + " without holding it locked: " + world.stepEvents(),
                        reading.holds(e.guestPage(), e.hostPage()));
            }
            reading.read(e);
        }
    }

    @Then("each host page the last step locked was a page of the host page array that no guest page held")
    public void stepLockedFreePages() {
        List<MonitorEvent> log = world.monitor.events();
        MonitorLogReading reading = MonitorLogReading.upTo(log, world.eventsBeforeStep);
        for (MonitorEvent e : log.subList(Math.min(world.eventsBeforeStep, log.size()), log.size())) {
            if (e.kind() == MonitorEvent.Kind.LOCKED) {
                context.expectThat(
                        "guest page " + e.guestPage() + " locked host page " + Numbers.hex(e.hostPage())
                                + ", which is not a free page of the host page array " + hex(world.array) + ": "
                                + world.stepEvents(),
                        world.array.contains(e.hostPage())
                                && !reading.locked(e.hostPage())
                                && !reading.holdsAny(e.guestPage()));
            }
            reading.read(e);
        }
    }

    @Then("the monitor's log leaves guest page(s) {monGuestPages} mapped")
    public void logMapped(List<Long> guestPages) {
        List<MonitorEvent> log = world.monitor.events();
        context.expectEqual(
                "the guest pages the monitor's log leaves mapped",
                guestPages,
                MonitorLogReading.upTo(log, log.size()).mappedPages());
    }

    @Then("the monitor's log leaves no guest page mapped")
    public void logMappedNothing() {
        logMapped(List.of());
    }

    @Then("the monitor has locked and unlocked host pages in this order:")
    public void lockHistory(DataTable table) {
        List<String> expected = new ArrayList<>();
        for (List<String> row : table.asLists()) {
            expected.add(row.get(0) + " " + row.get(1) + " " + Numbers.hex(Numbers.parse(row.get(2))));
        }
        context.expectEqual(
                "the host pages locked and unlocked, in order (what, guest page, host page)", expected, lockHistory());
    }

    @Then("the monitor has locked no host page so far")
    public void noLockHistory() {
        context.expectEqual(
                "the host pages locked and unlocked, in order (what, guest page, host page)", List.of(), lockHistory());
    }

    @Then("slots {int} to {int} of the monitor GDT hold {monAddress}")
    public void gdtSlots(int from, int to, long descriptor) {
        slots("GDT", world.monitor.monitorGdt(), from, to, descriptor);
    }

    @Then("slots {int} to {int} of the monitor LDT hold {monAddress}")
    public void ldtSlots(int from, int to, long descriptor) {
        slots("LDT", world.monitor.monitorLdt(), from, to, descriptor);
    }

    @Then("no present call gate in the monitor LDT names one of the monitor's own entries")
    public void noLdtGateToMonitorEntries() {
        List<Long> gdt = world.monitor.monitorGdt();
        List<Long> ldt = world.monitor.monitorLdt();
        long first = gdt.size() - 2L;
        for (int slot = 0; slot < ldt.size(); slot++) {
            long d = ldt.get(slot);
            long type = d >>> 40 & 0xF;
            boolean presentGate = (d & (1L << 44)) == 0 && (d & (1L << 47)) != 0 && (type == 0xC || type == 0x4);
            long selector = d >>> 16 & 0xFFFF;
            boolean namesMonitor = (selector & 4) == 0 && (selector >>> 3 == first || selector >>> 3 == first + 1);
            context.expectThat(
                    "slot " + slot + " of the monitor LDT (" + Numbers.hex(d)
                            + ") is a present call gate to the monitor's " + "own entry in GDT slot "
                            + (selector >>> 3),
                    !(presentGate && namesMonitor));
        }
    }

    private void slots(String table, List<Long> slots, int from, int to, long descriptor) {
        for (int slot = from; slot <= to; slot++) {
            context.expectEqual(
                    "slot " + slot + " of the monitor " + table,
                    Numbers.hex(descriptor),
                    slot < slots.size() ? Numbers.hex(slots.get(slot)) : "no such slot");
        }
    }

    private List<String> lockHistory() {
        List<String> history = new ArrayList<>();
        for (MonitorEvent e : world.monitor.events()) {
            if (e.kind() == MonitorEvent.Kind.LOCKED || e.kind() == MonitorEvent.Kind.UNLOCKED) {
                history.add(e.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + e.guestPage() + " "
                        + Numbers.hex(e.hostPage()));
            }
        }
        return history;
    }

    private List<Long> stepPages(MonitorEvent.Kind kind) {
        return world.stepEvents().stream()
                .filter(e -> e.kind() == kind)
                .map(MonitorEvent::guestPage)
                .toList();
    }

    private List<Long> hostPagesOf(List<Long> guestPages) {
        TreeSet<Long> hosts = new TreeSet<>();
        for (long guestPage : guestPages) {
            Optional<Long> host = world.monitor.hostPageOf(guestPage);
            context.expectThat("guest page " + guestPage + " must have a host page", host.isPresent());
            hosts.add(host.get());
        }
        return List.copyOf(hosts);
    }

    private static List<String> hex(List<Long> values) {
        return values.stream().map(Numbers::hex).toList();
    }
}
