package org.gmck.kit.steps.monitor;

import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.monitor.FaultRoute;
import org.gmck.spi.monitor.MonitorEntry;
import org.gmck.spi.monitor.MonitorEvent;

/** Steps for the FreeMWare world.monitor. They reach the implementation only through the SPI. */
public final class MonitorSteps {

    private final MonitorWorld world;
    private final ScenarioContext context;

    public MonitorSteps(MonitorWorld world) {
        this.world = world;
        this.context = world.context;
    }

    @ParameterType("0x[0-9A-Fa-f_]+(?:(?:, | and )0x[0-9A-Fa-f_]+)*")
    public List<Long> monAddresses(String text) {
        List<Long> values = new ArrayList<>();
        for (String part : text.split(", | and ")) {
            values.add(Numbers.parse(part));
        }
        return values;
    }

    @ParameterType("0x[0-9A-Fa-f_]+")
    public long monAddress(String text) {
        return Numbers.parse(text);
    }

    @ParameterType("(?:writable|read-only) (?:user|supervisor)")
    public String monRights(String text) {
        return text;
    }

    @ParameterType("read|write")
    public String monKind(String text) {
        return text;
    }

    @ParameterType("user|supervisor")
    public String monMode(String text) {
        return text;
    }

    @ParameterType("RAN|GUEST_FAULT|HOST_FAULT")
    public FaultRoute monRoute(String text) {
        return FaultRoute.valueOf(text);
    }

    @Given("a monitor for a guest of {int} pages with the host page array {monAddresses}")
    public void aMonitor(int guestPages, List<Long> hostPages) {
        createMonitor(guestPages, hostPages);
        world.monitor = context.lastValue("a monitor for " + guestPages + " guest pages");
        world.array = hostPages;
        world.beginStep();
    }

    @When("I create a monitor for a guest of {int} pages with the host page array {monAddresses}")
    public void createMonitor(int guestPages, List<Long> hostPages) {
        world.beginStep();
        context.attempt(() -> context.adapter().monitor().newMonitor(guestPages, hostPages));
    }

    @When("I create a monitor for a guest of {int} pages with an empty host page array")
    public void createMonitorEmpty(int guestPages) {
        createMonitor(guestPages, List.of());
    }

    @Given("the guest maps {monAddress} to guest page {int} {monRights}")
    public void guestMaps(long linear, int guestPage, String rights) {
        guestMapsNow(linear, guestPage, rights);
        context.expectAccepted("the guest's mapping of " + Numbers.hex(linear));
    }

    @When("the guest maps {monAddress} to guest page {int} {monRights} now")
    public void guestMapsNow(long linear, int guestPage, String rights) {
        world.snapshot();
        context.attemptRun(() ->
                world.monitor.guestMap(linear, guestPage, rights.startsWith("writable"), rights.endsWith("user")));
    }

    @Given("the guest has unmapped {monAddress}")
    public void guestHasUnmapped(long linear) {
        guestUnmaps(linear);
        context.expectAccepted("the guest's unmapping of " + Numbers.hex(linear));
    }

    @When("the guest unmaps {monAddress}")
    public void guestUnmaps(long linear) {
        world.snapshot();
        context.attemptRun(() -> world.monitor.guestUnmap(linear));
    }

    @Given("the guest has loaded its page directory base register")
    @When("the guest loads its page directory base register")
    public void loadPdbr() {
        world.beginStep();
        context.attemptRun(() -> world.monitor.guestLoadPdbr());
    }

    @Given("the guest has touched {monAddresses}")
    public void guestTouched(List<Long> linears) {
        for (long linear : linears) {
            world.beginStep();
            context.attempt(() -> world.monitor.access(linear, false, false));
            context.expectAccepted("the guest's read of " + Numbers.hex(linear));
        }
    }

    @When("the guest makes a {monMode} {monKind} at {monAddress}")
    public void access(String mode, String kind, long linear) {
        world.eventsBeforeAccess = world.monitor.events().size();
        world.beginStep();
        context.attempt(() -> world.monitor.access(linear, kind.equals("write"), mode.equals("user")));
    }

    @Then("the access went {monRoute}")
    public void accessWent(FaultRoute route) {
        context.expectEqual("where the access went", route, context.lastValue("the access"));
    }

    @Then("the monitor entry for {monAddress} maps the host page serving guest page {int}")
    public void entryMapsHostPage(long linear, int guestPage) {
        Optional<Long> host = world.monitor.hostPageOf(guestPage);
        context.expectThat("guest page " + guestPage + " must have a host page", host.isPresent());
        context.expectEqual(
                "the host page of the monitor entry for " + Numbers.hex(linear),
                host.map(Numbers::hex),
                world.monitor.monitorEntry(linear).map(e -> Numbers.hex(e.hostPage())));
    }

    @Then("the monitor entry for {monAddress} is {monRights}")
    public void entryRights(long linear, String rights) {
        Optional<MonitorEntry> entry = world.monitor.monitorEntry(linear);
        context.expectEqual(
                "the rights of the monitor entry for " + Numbers.hex(linear),
                Optional.of(rights),
                entry.map(e -> (e.writable() ? "writable " : "read-only ") + (e.user() ? "user" : "supervisor")));
    }

    @Then("the monitor tables do not map {monAddress}")
    public void noEntry(long linear) {
        context.expectEqual(
                "the monitor entry for " + Numbers.hex(linear), Optional.empty(), world.monitor.monitorEntry(linear));
    }

    @Then("guest pages {int} to {int} are served by distinct pages of the host page array")
    public void distinctPages(int from, int to) {
        HashSet<Long> seen = new HashSet<>();
        for (int pfn = from; pfn <= to; pfn++) {
            Optional<Long> host = world.monitor.hostPageOf(pfn);
            context.expectThat(
                    "guest page " + pfn + " must be served by a page of the array " + world.array + ", is " + host,
                    host.isPresent() && world.array.contains(host.get()));
            context.expectThat(
                    "guest page " + pfn + " shares its host page " + host + " with another guest page",
                    seen.add(host.get()));
        }
    }

    @Then("the resident guest pages are served by distinct pages of the host page array")
    public void residentPagesDistinct() {
        HashSet<Long> seen = new HashSet<>();
        for (int pfn = 0; pfn < world.monitor.guestPages(); pfn++) {
            Optional<Long> host = world.monitor.hostPageOf(pfn);
            if (host.isEmpty()) {
                continue;
            }
            context.expectThat(
                    "guest page " + pfn + " must be served by a page of the array " + world.array + ", is " + host,
                    world.array.contains(host.get()));
            context.expectThat(
                    "guest page " + pfn + " shares its host page " + Numbers.hex(host.get())
                            + " with another guest page",
                    seen.add(host.get()));
        }
        context.expectThat("some guest page must be resident", !seen.isEmpty());
    }

    @Then("the monitor tables map no host page the monitor gave back")
    public void nothingMapsAGivenBackPage() {
        List<Long> givenBack = new ArrayList<>();
        for (MonitorEvent e : world.recentEvents()) {
            if (e.kind() == MonitorEvent.Kind.UNLOCKED) {
                givenBack.add(e.hostPage());
            }
        }
        context.expectThat(
                "the monitor must have given back at least one page: " + world.recentEvents(), !givenBack.isEmpty());
        for (long linear = 0; linear < MonitorWorld.DESCRIBED_LINEAR_END; linear += 0x1000) {
            Optional<MonitorEntry> entry = world.monitor.monitorEntry(linear);
            context.expectThat(
                    "the monitor entry for " + Numbers.hex(linear) + " maps "
                            + entry.map(e -> Numbers.hex(e.hostPage())) + ", a host page given back (" + givenBack
                            + ")",
                    entry.isEmpty() || !givenBack.contains(entry.get().hostPage()));
        }
        List<Long> mapped = new ArrayList<>(world.monitor.mappedHostPages());
        mapped.retainAll(givenBack);
        context.expectEqual("the host pages given back that the monitor tables still map", List.of(), mapped);
    }

    @Then("guest page {int} has not been given back to the host")
    public void notGivenBack(int pfn) {
        List<MonitorEvent> all = world.monitor.events();
        context.expectThat(
                "guest page " + pfn + " must not have been unlocked: " + all,
                all.stream().noneMatch(e -> e.guestPage() == pfn && e.kind() == MonitorEvent.Kind.UNLOCKED));
    }

    @Then("the access locked no host page")
    public void accessLockedNothing() {
        List<MonitorEvent> all = world.monitor.events();
        List<MonitorEvent> since = all.subList(Math.min(world.eventsBeforeAccess, all.size()), all.size());
        context.expectThat(
                "the access must not have taken a host page: " + since,
                since.stream().noneMatch(e -> e.kind() == MonitorEvent.Kind.LOCKED));
    }

    @Then("the monitor serves a guest of {int} pages")
    public void guestPageCount(int pages) {
        context.expectEqual("the guest's physical memory in pages", pages, world.monitor.guestPages());
    }

    @Then("guest page {int} was locked on the host before it was mapped in the monitor tables")
    public void lockedThenMapped(int pfn) {
        List<MonitorEvent> all = world.monitor.events();
        int locked = -1;
        int mapped = -1;
        for (int i = 0; i < all.size(); i++) {
            MonitorEvent e = all.get(i);
            if (e.guestPage() == pfn && e.kind() == MonitorEvent.Kind.LOCKED && locked < 0) {
                locked = i;
            }
            if (e.guestPage() == pfn && e.kind() == MonitorEvent.Kind.MAPPED && mapped < 0) {
                mapped = i;
            }
        }
        context.expectThat(
                "guest page " + pfn + " must be locked and then mapped: " + all, locked >= 0 && mapped > locked);
        context.expectEqual(
                "the host page guest page " + pfn + " was mapped with",
                Numbers.hex(all.get(locked).hostPage()),
                Numbers.hex(all.get(mapped).hostPage()));
    }

    @Then("guest page {int} is served by no host page")
    public void noHostPage(int pfn) {
        context.expectEqual("the host page of guest page " + pfn, Optional.empty(), world.monitor.hostPageOf(pfn));
    }

    @Then("every host page the monitor tables map is locked")
    public void mappedAreLocked() {
        context.expectThat(
                "mapped host pages " + world.monitor.mappedHostPages() + " must all be locked, locked: "
                        + world.monitor.lockedHostPages(),
                world.monitor.lockedHostPages().containsAll(world.monitor.mappedHostPages())
                        && !world.monitor.mappedHostPages().isEmpty());
    }

    @Then("{int} host page(s) are/is locked")
    public void lockedCount(int count) {
        context.expectEqual(
                "the number of locked host pages",
                count,
                world.monitor.lockedHostPages().size());
    }

    @When("the host needs {int} page(s) back")
    public void pressure(int pages) {
        world.snapshot();
        world.eventsBefore = world.monitor.events().size();
        context.attempt(() -> world.monitor.hostMemoryPressure(pages));
    }

    @Then("the monitor gave back {int} page(s)")
    public void gaveBack(int count) {
        context.expectEqual("the number of pages given back", count, context.lastValue("the pages given back"));
    }

    @Then("the monitor gave back guest pages {monGuestPages}, in that order")
    public void gaveBackPages(List<Long> pages) {
        List<Long> unlocked = new ArrayList<>();
        for (MonitorEvent e : world.monitor
                .events()
                .subList(world.eventsBefore, world.monitor.events().size())) {
            if (e.kind() == MonitorEvent.Kind.UNLOCKED) {
                unlocked.add(e.guestPage());
            }
        }
        context.expectEqual("the guest pages given back under pressure", pages, unlocked);
    }

    @ParameterType("\\d+(?:(?:, | and )\\d+)*")
    public List<Long> monGuestPages(String text) {
        List<Long> values = new ArrayList<>();
        for (String part : text.split(", | and ")) {
            values.add(Long.parseLong(part.strip()));
        }
        return values;
    }

    @Then("each page given back was taken out of the monitor tables before it was unlocked")
    public void unmappedBeforeUnlocked() {
        List<MonitorEvent> recent = world.monitor
                .events()
                .subList(world.eventsBefore, world.monitor.events().size());
        int unlocks = 0;
        for (int i = 0; i < recent.size(); i++) {
            MonitorEvent e = recent.get(i);
            if (e.kind() == MonitorEvent.Kind.UNLOCKED) {
                unlocks++;
                boolean unmappedBefore = recent.subList(0, i)
                        .contains(new MonitorEvent(MonitorEvent.Kind.UNMAPPED, e.guestPage(), e.hostPage()));
                context.expectThat(
                        "guest page " + e.guestPage() + " was unlocked before it was unmapped: " + recent,
                        unmappedBefore);
            }
        }
        context.expectThat("the monitor must have given back at least one page: " + recent, unlocks > 0);
    }

    @Then("guest page {int} was unmapped from the monitor tables, then unlocked and given back to the host")
    public void unmappedThenReturned(int pfn) {
        List<MonitorEvent> all = world.monitor.events();
        int unmapped = -1;
        int unlocked = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).guestPage() == pfn && all.get(i).kind() == MonitorEvent.Kind.UNMAPPED) {
                unmapped = i;
            }
            if (all.get(i).guestPage() == pfn && all.get(i).kind() == MonitorEvent.Kind.UNLOCKED) {
                unlocked = i;
            }
        }
        context.expectThat(
                "guest page " + pfn + " must be unmapped and then unlocked: " + all,
                unmapped >= 0 && unlocked > unmapped);
    }

    @Then("the monitor is unchanged")
    public void unchanged() {
        world.expectUnchanged();
    }

    @Given("the guest loads a GDT of {monAddresses}")
    @When("the guest loads the GDT {monAddresses}")
    public void loadGdt(List<Long> descriptors) {
        world.snapshot();
        context.attemptRun(() -> world.monitor.guestLoadGdt(descriptors));
    }

    @When("the guest loads a GDT of {int} descriptors")
    public void loadBigGdt(int count) {
        List<Long> descriptors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            descriptors.add(0x00CF_F200_0000_FFFFL);
        }
        loadGdt(descriptors);
    }

    @When("the guest loads an LDT of {int} descriptors")
    public void loadBigLdt(int count) {
        List<Long> descriptors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            descriptors.add(0x00CF_F200_0000_FFFFL);
        }
        loadLdt(descriptors);
    }

    @When("the guest loads the LDT {monAddresses}")
    public void loadLdt(List<Long> descriptors) {
        world.snapshot();
        context.attemptRun(() -> world.monitor.guestLoadLdt(descriptors));
    }

    @Then("slot {int} of the monitor GDT holds {monAddress}")
    public void gdtSlot(int slot, long expected) {
        List<Long> gdt = world.monitor.monitorGdt();
        context.expectEqual(
                "slot " + slot + " of the monitor GDT",
                Numbers.hex(expected),
                slot < gdt.size() ? Numbers.hex(gdt.get(slot)) : "no such slot");
    }

    @Then("slot {int} of the monitor LDT holds {monAddress}")
    public void ldtSlot(int slot, long expected) {
        List<Long> ldt = world.monitor.monitorLdt();
        context.expectEqual(
                "slot " + slot + " of the monitor LDT",
                Numbers.hex(expected),
                slot < ldt.size() ? Numbers.hex(ldt.get(slot)) : "no such slot");
    }

    @Then("the monitor LDT has {int} entries")
    public void ldtSize(int size) {
        context.expectEqual(
                "the number of monitor LDT entries",
                size,
                world.monitor.monitorLdt().size());
    }

    @Then("the monitor GDT has {int} entries")
    public void gdtSize(int size) {
        context.expectEqual(
                "the number of monitor GDT entries",
                size,
                world.monitor.monitorGdt().size());
    }

    @Then("no present call gate in the monitor GDT leads to a ring-0 code segment")
    public void noRing0Gate() {
        List<Long> gdt = world.monitor.monitorGdt();
        for (int i = 0; i < gdt.size(); i++) {
            long d = gdt.get(i);
            long type = d >>> 40 & 0xF;
            boolean presentGate = (d & (1L << 44)) == 0 && (d & (1L << 47)) != 0 && (type == 0xC || type == 0x4);
            if (presentGate) {
                int target = (int) (d >>> 19 & 0x1FFF);
                long code = target < gdt.size() ? gdt.get(target) : 0;
                context.expectThat(
                        "call gate in slot " + i + " (" + Numbers.hex(d) + ") leads to ring 0 through slot " + target
                                + " (" + Numbers.hex(code) + ")",
                        (code >>> 45 & 3) != 0);
            }
        }
    }
}
