package org.gmck.kit.steps.gmm;

import io.cucumber.java.en.Then;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.GmmIntrospection.FreeSetKind;
import org.gmck.spi.gmm.GmmStatistics;
import org.gmck.spi.gmm.PageInfo;
import org.gmck.spi.gmm.PageState;

/**
 * Checks that state one fact each, precisely enough to pin down a whole GMM: a page by id, a chunk's flags, a
 * whole free LIFO or free-set list, the raw word of a page, and the reads a terminated GMM must refuse. The
 * model-based sequences end in these; a refused read fails the rule rather than the step.
 */
public final class GmmStateSteps {

    private static final long STATE_SHARED = 2L << 62;
    private static final long STATE_FREE = 3L << 62;

    private final GmmWorld world;
    private final ScenarioContext context;

    public GmmStateSteps(GmmWorld world) {
        this.world = world;
        this.context = world.context;
    }

    @Then("the call is rejected with one of {gmmStatuses}")
    public void rejectedWithOneOf(List<String> statuses) {
        Throwable refusal = refusal();
        if (refusal == null) {
            throw context.failure(
                    "the call was accepted but must be rejected with one of " + statuses, statuses, "accepted");
        }
        String actual = ((RejectedException) refusal).status().name();
        context.expectEqual(
                "the status the call was rejected with is one of " + statuses, true, statuses.contains(actual));
    }

    private Throwable refusal() {
        try {
            context.lastValue("the call");
            return null;
        } catch (AssertionError rejected) {
            return rejected.getCause() instanceof RejectedException ? rejected.getCause() : null;
        }
    }

    @Then("the call hands out {int} page(s)")
    public void handsOut(int count) {
        List<AllocatedPage> pages = context.lastValue("the pages handed out");
        context.expectEqual("pages handed out", count, pages.size());
    }

    @Then("the new pages have ids {gmmRuns}")
    public void newPageIds(List<Long> ids) {
        List<AllocatedPage> pages = context.lastValue("the pages handed out");
        context.expectEqual(
                "the ids of the pages handed out, in request order",
                hex(ids),
                hex(pages.stream().map(AllocatedPage::pageId).toList()));
    }

    @Then("new page {int} has one of ids {gmmNumbers}")
    public void newPageOneOf(int n, List<Long> ids) {
        List<AllocatedPage> pages = context.lastValue("the pages handed out");
        context.expectThat("the call handed out a page " + n, pages.size() >= n);
        long id = pages.get(n - 1).pageId();
        context.expectEqual(
                "new page " + n + " (" + Numbers.hex(id) + ") is one of " + hex(ids), true, ids.contains(id));
    }

    @Then("the call returns shared page {int} with the host pfn the page records")
    public void returnsShared(int k) {
        AllocatedPage returned = context.lastValue("the use of the shared page");
        long id = world.sharedPage(k);
        context.expectEqual(
                "the page id and host pfn returned",
                List.of(Numbers.hex(id), Numbers.hex(world.reads().page(id).hostPfn())),
                List.of(Numbers.hex(returned.pageId()), Numbers.hex(returned.hostPfn())));
    }

    @Then("page {word} is private to {gmmVm} and records guest pfn {word}")
    public void pagePrivate(String page, String vm, String pfn) {
        PageInfo info = world.reads().page(Numbers.parse(page));
        context.expectEqual(
                "state, owner and guest pfn of page " + page,
                List.of(PageState.PRIVATE, world.handle(vm), GmmCheckSteps.hex(pfn)),
                List.of(info.state(), info.owner(), Numbers.hex(info.guestPfn())));
    }

    @Then("page {word} is shared with {long} reference(s)")
    public void pageShared(String page, long refs) {
        PageInfo info = world.reads().page(Numbers.parse(page));
        context.expectEqual(
                "state and references of page " + page,
                List.of(PageState.SHARED, refs),
                List.of(info.state(), info.refs()));
    }

    @Then("page {word} is free")
    public void pageFree(String page) {
        context.expectEqual(
                "the state of page " + page,
                PageState.FREE,
                world.reads().page(Numbers.parse(page)).state());
    }

    /** No two pages handed out share a host frame; a chunk's frames need not follow each other (GMM-STATE-8). */
    @Then("the pages handed out have their own host frames")
    public void hostFrames() {
        List<Long> ids = new ArrayList<>();
        world.pages.values().forEach(ids::addAll);
        ids.addAll(world.sharedPages);
        Map<Long, Long> frameOf = new HashMap<>();
        for (long id : ids) {
            PageInfo info;
            try {
                info = world.gmm.page(id);
            } catch (RejectedException gone) {
                continue;
            }
            if (info.state() == PageState.FREE || frameOf.containsKey(id)) {
                continue;
            }
            for (Map.Entry<Long, Long> other : frameOf.entrySet()) {
                context.expectThat(
                        "pages " + Numbers.hex(other.getKey()) + " and " + Numbers.hex(id) + " are both handed out "
                                + "with host frame " + Numbers.hex(info.hostPfn()),
                        other.getValue() != info.hostPfn());
            }
            frameOf.put(id, info.hostPfn());
        }
    }

    @Then("chunk {long} is not dedicated to shared pages")
    public void notDedicated(long chunk) {
        context.expectEqual(
                "chunk " + chunk + " is dedicated to shared pages",
                false,
                world.reads().chunk(chunk).sharedChunk());
    }

    @Then("chunk {long} has no affinity to {gmmVm}")
    public void noAffinityTo(long chunk, String vm) {
        ChunkInfo info = world.reads().chunk(chunk);
        context.expectThat("chunk " + chunk + " still has affinity to " + vm, info.affinity() != world.handle(vm));
    }

    @Then("the statistics show {long} chunk(s) and {long} free page(s)")
    public void chunksAndFree(long chunks, long free) {
        GmmStatistics s = world.reads().statistics();
        context.expectEqual("chunks and free pages", List.of(chunks, free), List.of(s.chunks(), s.freePages()));
    }

    @Then("the free LIFO of chunk {long} is {gmmRuns}")
    public void lifo(long chunk, List<Long> indexes) {
        List<Long> lifo = world.reads().introspection().freeLifo(chunk).stream()
                .map(Integer::longValue)
                .toList();
        context.expectEqual("chunk " + chunk + "'s free LIFO, from its head", indexes, lifo);
    }

    @Then("list {int} of the {word} free set holds no chunk")
    public void listEmpty(int list, String set) {
        List<List<Long>> lists = world.reads().introspection().freeSet(FreeSetKind.valueOf(set.toUpperCase()));
        context.expectThat("the " + set + " free set has a list " + list, list < lists.size());
        context.expectEqual("list " + list + " of the " + set + " free set", List.of(), lists.get(list));
    }

    @Then("the {word} free set records {long} free page(s)")
    public void setPages(String set, long pages) {
        context.expectEqual(
                "free pages the " + set + " free set records",
                pages,
                world.reads().introspection().freeSetPages(FreeSetKind.valueOf(set.toUpperCase())));
    }

    @Then("no chunk TLB entry holds chunk {long}")
    public void tlbHoldsNot(long chunk) {
        List<Long> tlb = world.reads().introspection().chunkTlb();
        context.expectThat("the chunk TLB " + tlb + " still holds chunk " + chunk, !tlb.contains(chunk));
    }

    @Then("the raw word of page {word} holds guest pfn {word} and {gmmVm}'s handle, in state 0")
    public void rawPrivate(String page, String pfn, String vm) {
        long expected = Numbers.parse(pfn) | ((long) world.handle(vm) << 32);
        context.expectEqual(
                "the raw GMMPAGE word of page " + page,
                Numbers.hex(expected),
                Numbers.hex(world.reads().introspection().rawPage(Numbers.parse(page))));
    }

    @Then("the raw word of page {word} holds its host pfn and {long} reference(s), in state 2")
    public void rawShared(String page, long refs) {
        long id = Numbers.parse(page);
        long expected = world.reads().page(id).hostPfn() | (refs << 32) | STATE_SHARED;
        context.expectEqual(
                "the raw GMMPAGE word of page " + page,
                Numbers.hex(expected),
                Numbers.hex(world.reads().introspection().rawPage(id)));
    }

    @Then("the raw word of page {word} holds next index {word} in state 3, zeroed or not")
    public void rawFreeEitherWay(String page, String next) {
        long word = world.reads().introspection().rawPage(Numbers.parse(page));
        context.expectEqual(
                "the raw GMMPAGE word of page " + page + ", leaving out the zeroed flag (bit 61)",
                Numbers.hex(Numbers.parse(next) | STATE_FREE),
                Numbers.hex(word & ~(1L << 61)));
    }

    @Then("looking up page {word} is refused with {word}")
    public void pageRefused(String page, String status) {
        refused("looking up page " + page, status, () -> world.gmm.page(Numbers.parse(page)));
    }

    @Then("looking up chunk {word} is refused with {word}")
    public void chunkRefused(String chunk, String status) {
        refused("looking up chunk " + chunk, status, () -> world.gmm.chunk(Numbers.parse(chunk)));
    }

    @Then("asking for the statistics is refused with {word}")
    public void statisticsRefused(String status) {
        refused("asking for the statistics", status, () -> world.gmm.statistics());
    }

    @Then("listing the chunk ids is refused with {word}")
    public void chunkIdsRefused(String status) {
        refused("listing the chunk ids", status, () -> world.gmm.chunkIds());
    }

    @Then("asking for {gmmVm}'s per-VM data is refused with {word}")
    public void vmRefused(String vm, String status) {
        refused("asking for " + vm + "'s per-VM data", status, () -> world.gmm.vm(world.handle(vm)));
    }

    @Then("reading the chunk TLB is refused with {word}")
    public void tlbRefused(String status) {
        refused("reading the chunk TLB", status, () -> world.introspection().chunkTlb());
    }

    @Then("reading the free LIFO of chunk {long} is refused with {word}")
    public void lifoRefused(long chunk, String status) {
        refused(
                "reading the free LIFO of chunk " + chunk,
                status,
                () -> world.introspection().freeLifo(chunk));
    }

    @Then("reading the lists of the {word} free set is refused with {word}")
    public void setRefused(String set, String status) {
        refused(
                "reading the lists of the " + set + " free set",
                status,
                () -> world.introspection().freeSet(FreeSetKind.valueOf(set.toUpperCase())));
    }

    @Then("reading the raw word of page {word} is refused with {word}")
    public void rawRefused(String page, String status) {
        refused(
                "reading the raw word of page " + page,
                status,
                () -> world.introspection().rawPage(Numbers.parse(page)));
    }

    private void refused(String what, String status, Supplier<?> read) {
        Object answer;
        try {
            answer = read.get();
        } catch (RejectedException e) {
            context.expectEqual(
                    what + ": the status it is refused with", status, e.status().name());
            return;
        }
        throw context.failure(
                what + " was answered (" + answer + ") but must be refused with " + status, status, answer);
    }

    private static List<String> hex(List<Long> values) {
        return values.stream().map(Numbers::hex).toList();
    }
}
