package org.gmck.kit.steps.pgm;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.List;
import java.util.Optional;
import org.gmck.kit.NotApplicable;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.pgm.phys.GuestPhysicalMemory;
import org.gmck.spi.pgm.phys.HostPlacement;
import org.gmck.spi.pgm.phys.PageCounts;
import org.gmck.spi.pgm.phys.PageState;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysPage;

/** Steps for PGM's guest physical memory. They reach the implementation only through the SPI. */
public final class GuestMemorySteps {

    private final ScenarioContext context;
    private final PhysWorld world;
    private static final long PAGE_BYTES = 4096;

    public GuestMemorySteps(ScenarioContext context, PhysWorld world) {
        this.context = context;
        this.world = world;
    }

    private GuestPhysicalMemory memory() {
        return world.memory;
    }

    @Given("a VM whose host can give it {int} pages")
    public void aVm(int pages) {
        context.attempt(() -> world.factory().newGuestMemory(pages));
        world.memory = context.lastValue("a new guest memory with a budget of " + pages + " host pages");
    }

    @Given(
            "a VM whose host hands out pages from host address {pgmAddress} with page ids from {pgmAddress} and can give it {int} pages")
    public void aPlacedVm(long firstHostPhys, long firstPageId, int pages) {
        createPlacedVm(firstHostPhys, firstPageId, pages);
        world.memory = context.lastValue("a new guest memory whose host hands out pages from "
                + Numbers.hex(firstHostPhys) + " with page ids from " + Numbers.hex(firstPageId));
    }

    @When(
            "I create a VM whose host hands out pages from host address {pgmAddress} with page ids from {pgmAddress} and can give it {int} pages")
    public void createPlacedVm(long firstHostPhys, long firstPageId, int pages) {
        NotApplicable.unless(
                world.factory().placesHostPages(),
                () -> "adapter '" + context.adapter().name()
                        + "' does not let the kit choose the host pages a VM gets");
        world.placedFirst = firstHostPhys;
        world.placedPages = pages;
        world.placed = context.attempt(
                () -> world.factory().newGuestMemory(pages, new HostPlacement(firstHostPhys, (int) firstPageId)));
    }

    /**
     * A VM placed relative to the zero page of the VM made before it: {@code start} pages from that page
     * (negative: below it). Not applicable when the zero page lies too low or too high for the placement.
     */
    @When(
            "I create a VM whose host hands out {int} pages starting {int} pages from that VM's zero page, with page ids from {pgmAddress}")
    public void createVmBesideZeroPage(int pages, int start, long firstPageId) {
        long zeroPage = memory().zeroPageHostPhys();
        long first = zeroPage + start * PAGE_BYTES;
        NotApplicable.unless(
                first >= 0 && first + pages * PAGE_BYTES <= 1L << 48,
                () -> "adapter '"
                        + context.adapter().name() + "' keeps its zero page at " + Numbers.hex(zeroPage)
                        + ", where no such placement can be recorded");
        createPlacedVm(first, firstPageId, pages);
    }

    @Then("the VM is refused with VERR_INVALID_PARAMETER, or keeps its zero page outside the pages its host hands out")
    public void refusedOrZeroPageOutside() {
        Optional<GuestPhysicalMemory> created = world.placed;
        if (created.isEmpty()) {
            context.expectRejected("VERR_INVALID_PARAMETER");
            return;
        }
        long zeroPage = created.get().zeroPageHostPhys();
        context.expectThat(
                "the created VM's zero page (" + Numbers.hex(zeroPage) + ") lies outside the " + world.placedPages
                        + " host pages from " + Numbers.hex(world.placedFirst) + " its host hands out",
                zeroPage < world.placedFirst || zeroPage >= world.placedFirst + world.placedPages * PAGE_BYTES);
    }

    @Then("the VM is created")
    public void vmCreated() {
        context.expectAccepted("creating the VM");
    }

    @Given("a {pgmPageType} range of {pgmSize} at {pgmAddress}")
    public void aRange(PageType type, long size, long start) {
        registerRange(type, size, start);
        context.expectAccepted(
                "registering a " + type + " range of " + Numbers.hex(size) + " at " + Numbers.hex(start));
    }

    @When("I register a {pgmPageType} range of {pgmSize} at {pgmAddress}")
    public void registerRange(PageType type, long size, long start) {
        world.snapshot();
        boolean accepted = context.attempt(() -> {
                    memory().registerRange(type, start, size);
                    return Boolean.TRUE;
                })
                .isPresent();
        if (accepted) {
            world.registered(start, size);
        }
    }

    @When("the guest reads {int} bytes at {pgmAddress}")
    public void theGuestReads(int width, long address) {
        world.snapshot();
        context.attempt(() -> memory().read(address, width));
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
        world.snapshot();
        context.attemptRun(() -> memory().write(address, width, value));
    }

    @Given("the page at {pgmAddress} has been shared")
    public void pageHasBeenShared(long address) {
        sharePage(address);
        context.expectAccepted("sharing the page at " + Numbers.hex(address));
    }

    @When("I share the page at {pgmAddress}")
    public void sharePage(long address) {
        world.snapshot();
        context.attemptRun(() -> memory().sharePage(address));
    }

    @Given("write monitoring has been armed")
    @When("write monitoring is armed")
    public void armWriteMonitoring() {
        world.snapshot();
        context.attemptRun(() -> memory().writeMonitorAll());
        context.expectAccepted("arming write monitoring");
    }

    @When("I ask for the page at {pgmAddress}")
    public void askPage(long address) {
        world.snapshot();
        context.attempt(() -> memory().page(address));
    }

    @Then("the read returns {pgmAddress}")
    public void theReadReturns(long expected) {
        context.expectEqual("the value read", Numbers.hex(expected), Numbers.hex(context.<Long>lastValue("the read")));
    }

    @Then("the page at {pgmAddress} is in state {pgmPageState}")
    public void pageIsInState(long address, PageState state) {
        context.expectEqual(
                "the state of the page at " + Numbers.hex(address),
                state,
                memory().page(address).state());
    }

    @Then("the page at {pgmAddress} is of type {pgmPageType}")
    public void pageIsOfType(long address, PageType type) {
        context.expectEqual(
                "the type of the page at " + Numbers.hex(address),
                type,
                memory().page(address).type());
    }

    @Then("the page at {pgmAddress} is backed by the zero page")
    public void backedByZeroPage(long address) {
        PhysPage page = memory().page(address);
        context.expectEqual(
                "the host page behind " + Numbers.hex(address),
                Numbers.hex(memory().zeroPageHostPhys()),
                Numbers.hex(page.hostPhys()));
    }

    @Then("the page at {pgmAddress} is backed by a host page other than the zero page")
    public void notBackedByZeroPage(long address) {
        PhysPage page = memory().page(address);
        context.expectThat(
                "the page at " + Numbers.hex(address) + " must not be backed by the zero page "
                        + Numbers.hex(memory().zeroPageHostPhys()),
                page.hostPhys() != memory().zeroPageHostPhys());
    }

    @Then("the page at {pgmAddress} is backed by the host page at {pgmAddress}")
    public void backedByHostPage(long address, long hostPhys) {
        context.expectEqual(
                "the host page behind " + Numbers.hex(address),
                Numbers.hex(hostPhys),
                Numbers.hex(memory().page(address).hostPhys()));
    }

    @Then("the page at {pgmAddress} has no page id")
    public void hasNoPageId(long address) {
        context.expectEqual(
                "the page id of the page at " + Numbers.hex(address),
                Numbers.hex(PhysPage.NIL_PAGE_ID),
                Numbers.hex(memory().page(address).pageId()));
    }

    @Then("the page at {pgmAddress} has a page id")
    public void hasPageId(long address) {
        int id = memory().page(address).pageId();
        context.expectThat(
                "the page at " + Numbers.hex(address) + " must have a page id, has " + Numbers.hex(id),
                id != PhysPage.NIL_PAGE_ID && id != 0);
    }

    @Then("the page at {pgmAddress} has page id {pgmAddress}")
    public void hasPageId(long address, long id) {
        context.expectEqual(
                "the page id of the page at " + Numbers.hex(address),
                Numbers.hex(id),
                Numbers.hex(memory().page(address).pageId()));
    }

    @Then("the pages at {pgmAddress} and {pgmAddress} have different page ids")
    public void differentPageIds(long first, long second) {
        int a = memory().page(first).pageId();
        int b = memory().page(second).pageId();
        context.expectThat(
                "the pages at " + Numbers.hex(first) + " and " + Numbers.hex(second)
                        + " are backed by different host pages and must have different page ids, not both "
                        + Numbers.hex(a),
                a != b);
    }

    @Then("the page at {pgmAddress} keeps its page id")
    public void keepsPageId(long address) {
        PhysPage before = world.pageBefore(address);
        context.expectEqual(
                "the page id of the page at " + Numbers.hex(address) + " before and after",
                before == null ? "none recorded" : Numbers.hex(before.pageId()),
                Numbers.hex(memory().page(address).pageId()));
    }

    @Then("the page at {pgmAddress} has a new page id")
    public void hasNewPageId(long address) {
        PhysPage before = world.pageBefore(address);
        int now = memory().page(address).pageId();
        context.expectThat(
                "the page at " + Numbers.hex(address) + " must carry the page id of its new host page, not its "
                        + "old id " + (before == null ? "(none recorded)" : Numbers.hex(before.pageId())) + ": "
                        + Numbers.hex(now),
                before != null && before.pageId() != now && now != PhysPage.NIL_PAGE_ID);
    }

    @Then("the page at {pgmAddress} is read-only")
    public void isReadOnly(long address) {
        context.expectEqual(
                "the read-only flag of the page at " + Numbers.hex(address),
                true,
                memory().page(address).readOnly());
    }

    @Then("the page at {pgmAddress} is writable")
    public void isWritable(long address) {
        context.expectEqual(
                "the read-only flag of the page at " + Numbers.hex(address),
                false,
                memory().page(address).readOnly());
    }

    @Then("the page at {pgmAddress} has been written to")
    public void hasBeenWrittenTo(long address) {
        context.expectEqual(
                "the written-to flag of the page at " + Numbers.hex(address),
                true,
                memory().page(address).writtenTo());
    }

    @Then("the page at {pgmAddress} has not been written to")
    public void hasNotBeenWrittenTo(long address) {
        context.expectEqual(
                "the written-to flag of the page at " + Numbers.hex(address),
                false,
                memory().page(address).writtenTo());
    }

    @Then("the pages at {pgmAddress} and {pgmAddress} are backed by different host pages")
    public void backedByDifferentHostPages(long first, long second) {
        long a = memory().page(first).hostPhys();
        long b = memory().page(second).hostPhys();
        context.expectThat(
                "the pages at " + Numbers.hex(first) + " and " + Numbers.hex(second)
                        + " must have host pages of their own, not both " + Numbers.hex(a),
                a != b);
    }

    @Then("the page at {pgmAddress} keeps its host page")
    public void keepsHostPage(long address) {
        PhysPage before = world.pageBefore(address);
        context.expectThat(
                "the page at " + Numbers.hex(address) + " must keep its host page "
                        + (before == null ? "(none recorded)" : Numbers.hex(before.hostPhys())),
                before != null && before.hostPhys() == memory().page(address).hostPhys());
    }

    @Then("the page at {pgmAddress} has a new host page")
    public void hasNewHostPage(long address) {
        PhysPage before = world.pageBefore(address);
        context.expectThat(
                "the page at " + Numbers.hex(address) + " must have moved to a new host page from "
                        + (before == null ? "(none recorded)" : Numbers.hex(before.hostPhys())),
                before != null && before.hostPhys() != memory().page(address).hostPhys());
    }

    @Then("the VM owns {int} private host page(s)")
    public void ownsPrivatePages(int count) {
        context.expectEqual(
                "the number of private host pages",
                count,
                memory().privateHostPages().size());
    }

    @Then("the page counts are {long} zero, {long} private, {long} shared, {long} monitored and {long} written to")
    public void pageCounts(long zero, long privately, long shared, long monitored, long writtenTo) {
        context.expectEqual(
                "the page counts", new PageCounts(zero, privately, shared, monitored, writtenTo), memory().counts());
    }

    @Then("the guest memory call is accepted")
    public void callAccepted() {
        context.expectAccepted("the last call into guest memory");
    }

    @Then("the {int} bytes at {pgmAddress} read {pgmAddress}")
    public void bytesRead(int width, long address, long expected) {
        context.attempt(() -> memory().read(address, width));
        context.expectEqual(
                "the " + width + " bytes at " + Numbers.hex(address),
                Numbers.hex(expected),
                Numbers.hex(context.<Long>lastValue("reading " + width + " bytes at " + Numbers.hex(address))));
    }

    @Then("the VM's private host pages are those behind the pages at:")
    public void privatePagesBehind(List<String> pages) {
        List<String> expected = pages.stream()
                .map(Numbers::parse)
                .map(a -> memory().page(a).hostPhys())
                .sorted()
                .map(Numbers::hex)
                .toList();
        List<String> actual =
                memory().privateHostPages().stream().sorted().map(Numbers::hex).toList();
        context.expectEqual("the VM's private host pages, those behind the pages at " + pages, expected, actual);
    }

    @Then("guest memory is unchanged")
    public void unchanged() {
        context.expectUnchanged("guest memory", world.before(), world.observe());
    }

    @When("I create a VM whose host can give it {int} pages")
    public void createVm(int pages) {
        context.attempt(() -> world.factory().newGuestMemory(pages));
    }
}
