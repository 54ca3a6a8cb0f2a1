package org.gmck.kit.steps.largepage;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.largepage.CounterArray;
import org.gmck.spi.largepage.CounterEncoding;
import org.gmck.spi.largepage.HostBacking;
import org.gmck.spi.largepage.LargeMappingDecision;
import org.gmck.spi.largepage.MappingSize;
import org.gmck.spi.largepage.MemorySlot;
import org.gmck.spi.largepage.MmuOptions;
import org.gmck.spi.largepage.ShadowEntry;

/** Steps for the large-page rules of seed 004. They reach the implementation only through the SPI. */
public final class LargePageSteps {

    private final LargePageWorld world;
    private final ScenarioContext context;

    public LargePageSteps(LargePageWorld world) {
        this.world = world;
        this.context = world.context;
    }

    // ---- the MMU and its slots ----

    @Given("a shadow-paging MMU with counters from {lpEncoding}")
    public void aShadowPagingMmu(CounterEncoding encoding) {
        create(new MmuOptions(encoding, false, false));
    }

    @Given("a shadow-paging MMU")
    public void aShadowPagingMmu() {
        create(new MmuOptions(CounterEncoding.COUNT_FROM_ZERO, false, false));
    }

    @Given("a shadow-paging MMU with the option to back guest memory with large pages {word}")
    public void aShadowPagingMmuWithBacking(String onOrOff) {
        create(new MmuOptions(CounterEncoding.COUNT_FROM_ZERO, false, "on".equals(onOrOff)));
    }

    @Given("a nested-paging MMU")
    public void aNestedPagingMmu() {
        create(new MmuOptions(CounterEncoding.COUNT_FROM_ZERO, true, false));
    }

    @Given("a nested-paging MMU with counters from {lpEncoding}")
    public void aNestedPagingMmu(CounterEncoding encoding) {
        create(new MmuOptions(encoding, true, false));
    }

    private void create(MmuOptions options) {
        world.create(options);
    }

    @Given("a memory slot from {lpAddress} to {lpAddress} on {lpBacking} at host {lpAddress}")
    public void aMemorySlot(long start, long end, HostBacking backing, long host) {
        addSlot(start, end, backing, host);
        context.expectAccepted("adding the slot [" + Numbers.hex(start) + ", " + Numbers.hex(end) + ")");
    }

    @Given(
            "a memory slot from {lpAddress} to {lpAddress} on {lpBacking} right after the host memory of the other slots")
    public void aMemorySlotAfterTheOthers(long start, long end, HostBacking backing) {
        long host = (world.hostEnd() + LargePageWorld.FRAME - 1) & -LargePageWorld.FRAME;
        aMemorySlot(start, end, backing, host);
    }

    @When("I add a memory slot from {lpAddress} to {lpAddress} on {lpBacking} at host {lpAddress}")
    public void addSlot(long start, long end, HostBacking backing, long host) {
        world.name(start);
        world.call(() -> {
            world.mmu.addSlot(new MemorySlot(start, end - start, host, backing));
            return Boolean.TRUE;
        });
    }

    @Given("guest memory from {lpAddress} to {lpAddress}")
    public void guestMemory(long start, long end) {
        addGuestMemory(start, end);
        context.expectAccepted("adding guest memory [" + Numbers.hex(start) + ", " + Numbers.hex(end) + ")");
    }

    @When("I add guest memory from {lpAddress} to {lpAddress}")
    public void addGuestMemory(long start, long end) {
        world.name(start);
        world.call(() -> world.mmu.addGuestMemory(start, end - start));
    }

    @Then("the memory slots are:")
    public void theMemorySlotsAre(DataTable table) {
        List<String> expected = new ArrayList<>();
        for (Map<String, String> row : table.asMaps()) {
            expected.add(Numbers.hex(Sizes.parse(row.get("from"))) + "-" + Numbers.hex(Sizes.parse(row.get("to")))
                    + " on " + row.get("host pages"));
        }
        List<String> actual = new ArrayList<>();
        for (MemorySlot slot : world.mmu.slots()) {
            actual.add(Numbers.hex(slot.guestBase()) + "-" + Numbers.hex(slot.guestEnd()) + " on "
                    + (slot.backing() == HostBacking.LARGE_PAGES ? "2 MB" : "4 KB"));
        }
        context.expectEqual("the memory slots (guest range and host page size)", expected, actual);
    }

    @Then("the slot from {lpAddress} starts at a host address as far from a 2 MB boundary as its guest address")
    public void slotAligned(long start) {
        MemorySlot slot = world.slotAt(start);
        context.expectEqual(
                "the guest and host addresses of " + slot + " modulo 2 MB",
                Numbers.hex(slot.guestBase() & 0x1F_FFFFL),
                Numbers.hex(slot.hostBase() & 0x1F_FFFFL));
    }

    @Then("the call answers the slots from {lpAddress} to {lpAddress} and from {lpAddress} to {lpAddress}")
    public void answersSlots(long from1, long to1, long from2, long to2) {
        List<MemorySlot> answered = context.lastValue("the slots added");
        List<String> actual = new ArrayList<>();
        for (MemorySlot slot : answered) {
            actual.add(Numbers.hex(slot.guestBase()) + "-" + Numbers.hex(slot.guestEnd()));
        }
        context.expectEqual(
                "the guest ranges of the slots the call answered",
                List.of(Numbers.hex(from1) + "-" + Numbers.hex(to1), Numbers.hex(from2) + "-" + Numbers.hex(to2)),
                actual);
        context.expectThat(
                "every answered slot is one of the MMU's slots " + world.mmu.slots(),
                world.mmu.slots().containsAll(answered));
    }

    @Then("the call answers the slots:")
    public void answersSlotTable(DataTable table) {
        List<MemorySlot> answered = context.lastValue("the slots added");
        List<String> expected = new ArrayList<>();
        for (Map<String, String> row : table.asMaps()) {
            expected.add(Numbers.hex(Sizes.parse(row.get("from"))) + "-" + Numbers.hex(Sizes.parse(row.get("to")))
                    + " on " + row.get("host pages"));
        }
        List<String> actual = new ArrayList<>();
        for (MemorySlot slot : answered) {
            actual.add(Numbers.hex(slot.guestBase()) + "-" + Numbers.hex(slot.guestEnd()) + " on "
                    + (slot.backing() == HostBacking.LARGE_PAGES ? "2 MB" : "4 KB"));
        }
        context.expectEqual("the slots the call answered (guest range and host page size), in order", expected, actual);
        context.expectThat(
                "every answered slot is one of the MMU's slots " + world.mmu.slots(),
                world.mmu.slots().containsAll(answered));
    }

    @Then("no two memory slots share host memory")
    public void hostMemoryDisjoint() {
        List<MemorySlot> slots = world.mmu.slots();
        for (MemorySlot a : slots) {
            for (MemorySlot b : slots) {
                boolean overlap =
                        a != b && a.hostBase() < b.hostBase() + b.size() && b.hostBase() < a.hostBase() + a.size();
                context.expectThat("the host ranges of " + a + " and " + b + " are disjoint", !overlap);
            }
        }
    }

    @Then("the MMU counts from {lpEncoding}")
    public void mmuCountsFrom(CounterEncoding encoding) {
        context.expectEqual(
                "the encoding among the MMU's options",
                encoding,
                world.mmu.options().encoding());
    }

    @Then("there is no memory slot")
    public void noSlot() {
        context.expectEqual("the memory slots", List.of(), world.mmu.slots());
    }

    // ---- write-protect counters (introspection) ----

    @Then("the slot from {lpAddress} has {int} write-protect counters, the first for the 2 MB frame at {lpAddress}")
    public void slotCounters(long start, int count, long first) {
        CounterArray counters = counters(start);
        context.expectEqual(
                "the number of write-protect counters of the slot from " + Numbers.hex(start),
                count,
                counters.raw().size());
        context.expectEqual("the frame of the first counter", Numbers.hex(first), Numbers.hex(counters.firstFrame()));
    }

    @Then("the counters of the slot from {lpAddress} count from {lpEncoding}")
    public void countersEncoding(long start, CounterEncoding encoding) {
        context.expectEqual(
                "the encoding of the counters of the slot from " + Numbers.hex(start),
                encoding,
                counters(start).encoding());
    }

    @Then("the raw counter of the 2 MB frame at {lpAddress} is {int}")
    public void rawCounter(long frame, int raw) {
        MemorySlot slot = world.slotHolding(frame);
        CounterArray counters = counters(slot.guestBase());
        context.expectEqual(
                "the raw counter of the frame at " + Numbers.hex(frame) + " (" + counters.encoding() + ")",
                raw,
                counters.rawAt(frame));
    }

    @Then("every raw counter of the slot from {lpAddress} is {int}")
    public void everyRawCounter(long start, int raw) {
        CounterArray counters = counters(start);
        context.expectThat(
                "every raw counter of the slot from " + Numbers.hex(start) + " is " + raw + ": " + counters.raw(),
                !counters.raw().isEmpty() && counters.raw().stream().allMatch(v -> v == raw));
    }

    @Then("the 2 MB frame at {lpAddress} counts {int} write-protected page(s)")
    public void countOf(long frame, int count) {
        world.name(frame);
        context.attempt(() -> world.mmu.writeProtectCount(frame));
        context.expectEqual(
                "the write-protect count of the frame at " + Numbers.hex(frame),
                count,
                context.<Integer>lastValue("the write-protect count"));
    }

    @When("I ask for the counters of the slot from {lpAddress}")
    public void askCounters(long start) {
        world.call(() -> world.mmu.counters(start));
    }

    @When("I ask for the write-protect count of the 2 MB frame at {lpAddress}")
    public void askCount(long frame) {
        world.call(() -> world.mmu.writeProtectCount(frame));
    }

    private CounterArray counters(long start) {
        return world.counters(start);
    }

    // ---- shadowing guest page tables ----

    @Given("the guest page table at {lpAddress} is shadowed")
    public void tableShadowed(long gpa) {
        shadow(gpa);
        context.expectAccepted("shadowing the page table at " + Numbers.hex(gpa));
    }

    @When("the guest page table at {lpAddress} is shadowed again")
    public void tableShadowedAgain(long gpa) {
        tableShadowed(gpa);
    }

    @When("I shadow the guest page table at {lpAddress}")
    public void shadow(long gpa) {
        world.name(gpa);
        world.call(() -> {
            world.mmu.shadowPageTable(gpa);
            return Boolean.TRUE;
        });
    }

    @Given("the guest page table at {lpAddress} is unshadowed")
    public void tableUnshadowed(long gpa) {
        unshadow(gpa);
        context.expectAccepted("unshadowing the page table at " + Numbers.hex(gpa));
    }

    @When("I unshadow the guest page table at {lpAddress}")
    public void unshadow(long gpa) {
        world.name(gpa);
        world.call(() -> {
            world.mmu.unshadowPageTable(gpa);
            return Boolean.TRUE;
        });
    }

    @Given("{int} page tables in the 2 MB frame at {lpAddress} are shadowed")
    public void tablesInFrameShadowed(int count, long frame) {
        world.tablesFrame = frame;
        for (int k = 1; k <= count; k++) {
            tableShadowed(frame + k * LargePageWorld.TABLE_STRIDE);
        }
    }

    @Given("{int} of them are unshadowed again")
    public void someUnshadowed(int count) {
        for (int k = 1; k <= count; k++) {
            tableUnshadowed(world.tablesFrame + k * LargePageWorld.TABLE_STRIDE);
        }
    }

    @Then("the page at {lpAddress} is write-protected")
    public void pageProtected(long gpa) {
        context.expectEqual(
                "whether the page at " + Numbers.hex(gpa) + " is write-protected", true, world.mmu.writeProtected(gpa));
    }

    @Then("the page at {lpAddress} is not write-protected")
    public void pageNotProtected(long gpa) {
        context.expectEqual(
                "whether the page at " + Numbers.hex(gpa) + " is write-protected",
                false,
                world.mmu.writeProtected(gpa));
    }

    // ---- mappings ----

    @When("I ask whether the 2 MB guest frame at {lpAddress} may be shadowed large")
    public void askDecision(long frame) {
        world.name(frame);
        world.call(() -> world.mmu.largeMappingDecision(frame));
    }

    @When("I shadow the guest large entry mapping {lpAddress} to {lpAddress}")
    public void shadowLargeEntry(long gva, long gpa) {
        world.name(gva);
        world.name(gpa);
        world.call(() -> world.mmu.shadowGuestLargeEntry(gva, gpa));
    }

    @Given("the guest large entry mapping {lpAddress} to {lpAddress} is shadowed")
    public void largeEntryShadowed(long gva, long gpa) {
        shadowLargeEntry(gva, gpa);
        context.expectAccepted("shadowing the guest large entry at " + Numbers.hex(gva));
    }

    @Given("the real-mode pseudo entry for {lpAddress} is shadowed")
    public void realModeShadowed(long gpa) {
        shadowRealMode(gpa);
        context.expectAccepted("shadowing the real-mode pseudo entry for " + Numbers.hex(gpa));
    }

    @When("I shadow the real-mode pseudo entry for {lpAddress}")
    public void shadowRealMode(long gpa) {
        world.name(gpa);
        world.call(() -> world.mmu.shadowRealModeEntry(gpa));
    }

    @When("I shadow the guest's {lpGuestEntry} for the 2 MB frame at {lpAddress}")
    public void shadowEntryOfKind(String kind, long frame) {
        if (kind.startsWith("large")) {
            shadowLargeEntry(frame, frame);
        } else {
            shadowRealMode(frame);
        }
    }

    @Given("the guest's {lpGuestEntry} for the 2 MB frame at {lpAddress} is shadowed")
    public void entryOfKindShadowed(String kind, long frame) {
        shadowEntryOfKind(kind, frame);
        context.expectAccepted("shadowing the guest's " + kind + " for the frame at " + Numbers.hex(frame));
    }

    @io.cucumber.java.ParameterType("large entry|real-mode pseudo entry")
    public String lpGuestEntry(String kind) {
        return kind;
    }

    @When("I map the 2 MB guest frame at {lpAddress} in the nested page table")
    public void mapNested(long gpa) {
        world.name(gpa);
        world.call(() -> world.mmu.mapNestedFrame(gpa));
    }

    @Then("the mapping decision is {word}")
    public void theDecisionIs(String decision) {
        context.expectEqual(
                "the large-mapping decision",
                decision,
                context.<LargeMappingDecision>lastValue("the large-mapping decision")
                        .name());
    }

    @Then("{lpAddress} is translated by a {lpEntrySize} entry to {lpAddress}")
    public void translatedBy(long address, MappingSize size, long gpa) {
        expectEntry(address, gpa, size);
    }

    @io.cucumber.java.ParameterType("2 MB|4 KB")
    public MappingSize lpEntrySize(String text) {
        return text.startsWith("2") ? MappingSize.LARGE_2M : MappingSize.SMALL_4K;
    }

    @Then("{lpAddress} is translated by a writable 4 KB entry")
    public void translatedWritable(long address) {
        context.expectEqual(
                "whether the 4 KB entry for " + Numbers.hex(address) + " is writable",
                true,
                smallEntry(address).writable());
    }

    @Then("{lpAddress} is translated by a read-only 4 KB entry")
    public void translatedReadOnly(long address) {
        context.expectEqual(
                "whether the 4 KB entry for " + Numbers.hex(address) + " is writable",
                false,
                smallEntry(address).writable());
    }

    @Then("{lpAddress} has no present shadow entry")
    public void notPresent(long address) {
        context.expectEqual(
                "the shadow entry for " + Numbers.hex(address), Optional.empty(), world.mmu.entryFor(address));
    }

    // ---- nothing changed ----

    @Then("the MMU is as it was before the refused call")
    public void unchanged() {
        world.expectUnchanged();
    }

    private void expectEntry(long address, long gpa, MappingSize size) {
        world.name(address);
        Optional<ShadowEntry> entry = world.mmu.entryFor(address);
        context.expectThat("a present entry translates " + Numbers.hex(address), entry.isPresent());
        context.expectEqual(
                "the size of the entry for " + Numbers.hex(address),
                size,
                entry.get().size());
        context.expectEqual(
                "the guest-physical address the entry for " + Numbers.hex(address) + " maps to",
                Numbers.hex(gpa),
                Numbers.hex(entry.get().gpa()));
    }

    private ShadowEntry smallEntry(long address) {
        world.name(address);
        Optional<ShadowEntry> entry = world.mmu.entryFor(address);
        context.expectThat("a present entry translates " + Numbers.hex(address), entry.isPresent());
        context.expectEqual(
                "the size of the entry for " + Numbers.hex(address),
                MappingSize.SMALL_4K,
                entry.get().size());
        return entry.get();
    }
}
