package org.gmck.kit.steps.pgm;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.pgm.vm.GuestMemoryFactory;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostBitness;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysPage;
import org.gmck.spi.pgm.phys.TrackingCost;

/** Steps for PGM's guest physical memory. They reach the implementation only through the SPI. */
public final class GuestMemorySteps {

    /** Ranges larger than this are left out of the before-and-after comparison of refused calls. */
    private static final long MAX_DESCRIBED = 64L << 20;

    private final ScenarioContext context;
    private final List<long[]> registered = new ArrayList<>();
    private GuestPhysicalMemory memory;
    private String before;

    public GuestMemorySteps(ScenarioContext context) {
        this.context = context;
    }

    private GuestMemoryFactory factory() {
        return context.adapter().guestMemory();
    }

    /** Makes the steps of this class work on the guest memory of another PGM facet (a shadow-paged VM). */
    void use(GuestPhysicalMemory other) {
        this.memory = other;
    }

    @Given("a VM whose host can give it {int} pages")
    public void aVm(int pages) {
        context.attempt(() -> factory().newGuestMemory(pages));
        memory = context.lastValue("a new guest memory with a budget of " + pages + " host pages");
    }

    @Given("a {pgmPageType} range of {pgmSize} at {pgmAddress}")
    public void aRange(PageType type, long size, long start) {
        registerRange(type, size, start);
        context.expectAccepted("registering a " + type + " range of " + Numbers.hex(size) + " at " + Numbers.hex(start));
    }

    @When("I register a {pgmPageType} range of {pgmSize} at {pgmAddress}")
    public void registerRange(PageType type, long size, long start) {
        snapshot();
        boolean accepted = context.attempt(() -> {
            memory.registerRange(type, start, size);
            return Boolean.TRUE;
        }).isPresent();
        if (accepted && size <= MAX_DESCRIBED) {
            registered.add(new long[] {start, size});
        }
    }

    @When("the guest reads {int} bytes at {pgmAddress}")
    public void theGuestReads(int width, long address) {
        snapshot();
        context.attempt(() -> memory.read(address, width));
    }

    @Given("the guest has read {int} bytes at {pgmAddress}")
    public void theGuestHasRead(int width, long address) {
        theGuestReads(width, address);
        context.expectAccepted("reading " + width + " bytes at " + Numbers.hex(address));
    }

    @Given("the guest has written {pgmAddress} to the {int} bytes at {pgmAddress}")
    public void theGuestHasWritten(long value, int width, long address) {
        theGuestWrites(value, width, address);
        context.expectAccepted("writing " + Numbers.hex(value) + " at " + Numbers.hex(address));
    }

    @When("the guest writes {pgmAddress} to the {int} bytes at {pgmAddress}")
    public void theGuestWrites(long value, int width, long address) {
        snapshot();
        context.attemptRun(() -> memory.write(address, width, value));
    }

    @Given("the page at {pgmAddress} has been shared")
    public void pageHasBeenShared(long address) {
        sharePage(address);
        context.expectAccepted("sharing the page at " + Numbers.hex(address));
    }

    @When("I share the page at {pgmAddress}")
    public void sharePage(long address) {
        snapshot();
        context.attemptRun(() -> memory.sharePage(address));
    }

    @Given("write monitoring has been armed")
    @When("write monitoring is armed")
    public void armWriteMonitoring() {
        context.attemptRun(() -> memory.writeMonitorAll());
        context.expectAccepted("arming write monitoring");
    }

    @When("I ask for the page at {pgmAddress}")
    public void askPage(long address) {
        snapshot();
        context.attempt(() -> memory.page(address));
    }

    @Then("the read returns {pgmAddress}")
    public void theReadReturns(long expected) {
        context.expectEqual("the value read", Numbers.hex(expected), Numbers.hex(context.<Long>lastValue("the read")));
    }

    @Then("the page at {pgmAddress} is in state {pgmPageState}")
    public void pageIsInState(long address, PageState state) {
        context.expectEqual("the state of the page at " + Numbers.hex(address), state, memory.page(address).state());
    }

    @Then("the page at {pgmAddress} is of type {pgmPageType}")
    public void pageIsOfType(long address, PageType type) {
        context.expectEqual("the type of the page at " + Numbers.hex(address), type, memory.page(address).type());
    }

    @Then("the page at {pgmAddress} is backed by the zero page")
    public void backedByZeroPage(long address) {
        PhysPage page = memory.page(address);
        context.expectEqual("the host page behind " + Numbers.hex(address), Numbers.hex(memory.zeroPageHostPhys()),
                Numbers.hex(page.hostPhys()));
    }

    @Then("the page at {pgmAddress} is backed by a host page other than the zero page")
    public void notBackedByZeroPage(long address) {
        PhysPage page = memory.page(address);
        context.expectThat("the page at " + Numbers.hex(address) + " must not be backed by the zero page "
                + Numbers.hex(memory.zeroPageHostPhys()), page.hostPhys() != memory.zeroPageHostPhys());
    }

    @Then("the page at {pgmAddress} has no page id")
    public void hasNoPageId(long address) {
        context.expectEqual("the page id of the page at " + Numbers.hex(address), Numbers.hex(PhysPage.NIL_PAGE_ID),
                Numbers.hex(memory.page(address).pageId()));
    }

    @Then("the page at {pgmAddress} has a page id")
    public void hasPageId(long address) {
        int id = memory.page(address).pageId();
        context.expectThat("the page at " + Numbers.hex(address) + " must have a page id, has " + Numbers.hex(id),
                id != PhysPage.NIL_PAGE_ID && id != 0);
    }

    @Then("the page at {pgmAddress} is read-only")
    public void isReadOnly(long address) {
        context.expectEqual("the read-only flag of the page at " + Numbers.hex(address), true,
                memory.page(address).readOnly());
    }

    @Then("the page at {pgmAddress} is writable")
    public void isWritable(long address) {
        context.expectEqual("the read-only flag of the page at " + Numbers.hex(address), false,
                memory.page(address).readOnly());
    }

    @Then("the page at {pgmAddress} has been written to")
    public void hasBeenWrittenTo(long address) {
        context.expectEqual("the written-to flag of the page at " + Numbers.hex(address), true,
                memory.page(address).writtenTo());
    }

    @Then("the page at {pgmAddress} has not been written to")
    public void hasNotBeenWrittenTo(long address) {
        context.expectEqual("the written-to flag of the page at " + Numbers.hex(address), false,
                memory.page(address).writtenTo());
    }

    @Then("the pages at {pgmAddress} and {pgmAddress} are backed by different host pages")
    public void backedByDifferentHostPages(long first, long second) {
        long a = memory.page(first).hostPhys();
        long b = memory.page(second).hostPhys();
        context.expectThat("the pages at " + Numbers.hex(first) + " and " + Numbers.hex(second)
                + " must have host pages of their own, not both " + Numbers.hex(a), a != b);
    }

    @Then("the page at {pgmAddress} keeps its host page")
    public void keepsHostPage(long address) {
        context.expectThat("the page at " + Numbers.hex(address) + " must keep its host page", before != null
                && before.contains(Numbers.hex(address) + "->" + Numbers.hex(memory.page(address).hostPhys()) + ";"));
    }

    @Then("the page at {pgmAddress} has a new host page")
    public void hasNewHostPage(long address) {
        context.expectThat("the page at " + Numbers.hex(address) + " must have moved to a new host page", before != null
                && !before.contains(Numbers.hex(address) + "->" + Numbers.hex(memory.page(address).hostPhys()) + ";"));
    }

    @Then("the VM owns {int} private host page(s)")
    public void ownsPrivatePages(int count) {
        context.expectEqual("the number of private host pages", count, memory.privateHostPages().size());
    }

    @Then("the page counts are {long} zero, {long} private, {long} shared, {long} monitored and {long} written to")
    public void pageCounts(long zero, long privately, long shared, long monitored, long writtenTo) {
        context.expectEqual("the page counts", new org.gmck.spi.pgm.phys.PageCounts(zero, privately, shared, monitored,
                writtenTo), memory.counts());
    }

    @Then("guest memory is unchanged")
    public void unchanged() {
        context.expectEqual("guest memory after the refused call", before, describe());
    }

    @Then("the VM's own tracking costs {pgmSize}")
    public void ownTrackingCost(long bytes) {
        context.expectEqual("the VM's tracking bytes", bytes, memory.trackingBytes());
    }

    @When("I ask what tracking {pgmSize} of guest RAM costs on a {pgmHostBitness} host")
    public void askCost(long ram, HostBitness host) {
        context.attempt(() -> factory().trackingCost(ram, host));
    }

    @Then("the per-VM cost is {pgmSize}")
    public void perVmCost(long bytes) {
        context.expectEqual("the per-VM tracking bytes", bytes, context.<TrackingCost>lastValue("the cost").perVmBytes());
    }

    @Then("the kernel cost is {pgmSize}")
    public void kernelCost(long bytes) {
        context.expectEqual("the kernel tracking bytes", bytes, context.<TrackingCost>lastValue("the cost").kernelBytes());
    }

    @Then("the total cost is {pgmSize}")
    public void totalCost(long bytes) {
        context.expectEqual("the total tracking bytes", bytes, context.<TrackingCost>lastValue("the cost").totalBytes());
    }

    @When("I create a VM whose host can give it {int} pages")
    public void createVm(int pages) {
        context.attempt(() -> factory().newGuestMemory(pages));
    }

    @Then("bits {int}:{int} of word {int} of the record at {pgmAddress} hold {pgmAddress}")
    public void recordBits(int high, int low, int word, long address, long expected) {
        long[] record = memory.packedRecord(address);
        context.expectEqual("the record of the page at " + Numbers.hex(address) + " has two 64-bit words", 2, record.length);
        int width = high - low + 1;
        long mask = width == 64 ? -1L : (1L << width) - 1;
        context.expectEqual("bits " + high + ":" + low + " of word " + word + " of the record at " + Numbers.hex(address),
                Numbers.hex(expected), Numbers.hex(record[word] >>> low & mask));
    }

    @Then("word 0 of the record at {pgmAddress} holds the page's host frame in bits 47:12")
    public void recordHostFrame(long address) {
        long word0 = memory.packedRecord(address)[0];
        context.expectEqual("bits 47:12 of word 0 of the record at " + Numbers.hex(address),
                Numbers.hex(memory.page(address).hostPhys()), Numbers.hex(word0 & 0x0000_FFFF_FFFF_F000L));
    }

    @Then("word 0 of the record at {pgmAddress} holds the page id's low 12 bits in bits 11:0 and the rest in bits 63:48")
    public void recordPageId(long address) {
        long word0 = memory.packedRecord(address)[0];
        long id = memory.page(address).pageId();
        context.expectEqual("the page id split over word 0 of the record at " + Numbers.hex(address),
                Numbers.hex(id), Numbers.hex((word0 >>> 48) << 12 | word0 & 0xFFF));
    }

    @Then("the record at {pgmAddress} has {int} words")
    public void recordWords(long address, int words) {
        context.expectEqual("the number of 64-bit words in the record", words, memory.packedRecord(address).length);
    }

    // --- the shadow tracking word in the high 32 bits of word 1 (PGM-REC-9 to 12) ---

    private static final int TRACKING_INDEX = 0x3FFF;
    private static final int TRACKING_PHYSEXT = 3;

    private int trackingWord(long address) {
        return (int) (memory.packedRecord(address)[1] >>> 32);
    }

    private static int trackingCount(int word) {
        return word >>> 14 & 3;
    }

    @Then("the page at {pgmAddress} is tracked by no shadow page table")
    public void trackedByNone(long address) {
        context.expectEqual("the tracking word (bits 63:32 of word 1) of the record at " + Numbers.hex(address),
                Numbers.hex(0), Numbers.hex(Integer.toUnsignedLong(trackingWord(address))));
    }

    @Then("the page at {pgmAddress} is tracked to one shadow page table")
    public void trackedToOne(long address) {
        int word = trackingWord(address);
        context.expectEqual("the reference count (bits 47:46 of word 1) of the record at " + Numbers.hex(address),
                1, trackingCount(word));
        context.expectEqual("the bits above the tracking word's 16 (bits 63:48 of word 1) of the record at "
                + Numbers.hex(address), 0, word >>> 16);
    }

    @Then("the pages at {pgmAddress} and {pgmAddress} are tracked to the same shadow page table")
    public void trackedToTheSameTable(long first, long second) {
        trackedToTables(first, second, true);
    }

    @Then("the pages at {pgmAddress} and {pgmAddress} are tracked to different shadow page tables")
    public void trackedToDifferentTables(long first, long second) {
        trackedToTables(first, second, false);
    }

    private void trackedToTables(long first, long second, boolean same) {
        trackedToOne(first);
        trackedToOne(second);
        int a = trackingWord(first) & TRACKING_INDEX;
        int b = trackingWord(second) & TRACKING_INDEX;
        context.expectThat("the pool indices (bits 45:32 of word 1) of the records at " + Numbers.hex(first) + " and "
                + Numbers.hex(second) + " are " + (same ? "equal" : "different") + ": " + Numbers.hex(a) + " and "
                + Numbers.hex(b), (a == b) == same);
    }

    @Then("the page at {pgmAddress} is tracked through a list of physical extents")
    public void trackedThroughExtents(long address) {
        int word = trackingWord(address);
        context.expectEqual("the reference count (bits 47:46 of word 1) of the record at " + Numbers.hex(address),
                TRACKING_PHYSEXT, trackingCount(word));
        context.expectThat("the index (bits 45:32 of word 1) of the record at " + Numbers.hex(address)
                + " names a list, not the overflow value 0x3FFF: " + Numbers.hex(word & TRACKING_INDEX),
                (word & TRACKING_INDEX) != TRACKING_INDEX);
    }

    @When("I ask for the record at {pgmAddress}")
    public void askRecord(long address) {
        snapshot();
        context.attempt(() -> memory.packedRecord(address));
    }

    private void snapshot() {
        before = memory == null ? null : describe();
    }

    /** Everything observable about the memory, as text, over the ranges registered in this scenario. */
    private String describe() {
        StringBuilder text = new StringBuilder();
        for (long[] range : registered) {
            for (long a = range[0]; a - range[0] < range[1] && text.length() < 200_000; a += 4096) {
                PhysPage page;
                try {
                    page = memory.page(a);
                } catch (org.gmck.spi.RejectedException notRegistered) {
                    continue;
                }
                text.append(Numbers.hex(a)).append("->").append(Numbers.hex(page.hostPhys())).append(";").append(page)
                        .append('\n');
            }
        }
        text.append(memory.counts()).append(memory.privateHostPages()).append(memory.trackingBytes());
        return text.toString();
    }

}
