package org.gmck.kit.steps.gmm;

import io.cucumber.java.en.Then;
import java.util.ArrayList;
import java.util.List;
import org.gmck.kit.Numbers;
import org.gmck.kit.ScenarioContext;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.ChunkRepair;
import org.gmck.spi.gmm.CleanupReport;
import org.gmck.spi.gmm.GmmGeometry;
import org.gmck.spi.gmm.GmmStatistics;
import org.gmck.spi.gmm.PageInfo;
import org.gmck.spi.gmm.PageState;
import org.gmck.spi.gmm.VmInfo;

/** What GMM scenarios check, through the SPI only. */
public final class GmmCheckSteps {

    private final GmmWorld world;
    private final ScenarioContext context;

    public GmmCheckSteps(GmmWorld world) {
        this.world = world;
        this.context = world.context;
    }

    /** A step that compares what is observable of the GMM with the snapshot taken before the action. */
    static final String NOTHING_HAS_CHANGED = "nothing has changed";

    /** Another such step: a frame wider than the field refused as bad input, or recorded as no frame. */
    static final String REFUSED_CHANGING_NOTHING_OR_NO_FRAME =
            "the call is rejected with VERR_INVALID_PARAMETER changing nothing, or the new page records no guest frame";

    /**
     * Every step that compares with the snapshot taken before the action: a scenario with none of them takes no
     * snapshot (see {@link GmmWorld#act}). A step added that compares with it must be listed here; the kit's own
     * certification of the reference fails the scenario that uses it otherwise.
     */
    static final String[] COMPARING_WITH_THE_SNAPSHOT = {NOTHING_HAS_CHANGED, REFUSED_CHANGING_NOTHING_OR_NO_FRAME};

    @Then(NOTHING_HAS_CHANGED)
    public void nothingChanged() {
        if (world.before == null) {
            throw new IllegalStateException("no snapshot was taken before the scenario's action: the kit's step '"
                    + NOTHING_HAS_CHANGED + "' or the step using it is missing from"
                    + " GmmCheckSteps.COMPARING_WITH_THE_SNAPSHOT");
        }
        context.expectUnchanged("what is observable of the GMM", world.before, GmmSnapshot.take(world));
    }

    @Then("the call succeeds")
    public void succeeds() {
        context.expectAccepted("the call");
    }

    /**
     * The chunk geometry in the seed's terms: the page index takes the low bits of a page id (the width the seed
     * calls GMM_CHUNK_SHIFT and later VirtualBox GMM_CHUNKID_SHIFT), and a chunk is that many pages of 4 KB (the
     * SPI's chunk shift, log2 of the chunk size in bytes, whatever the implementation calls it).
     */
    @Then("a chunk holds {int} pages of 4 KB and a page id keeps the page index in its low {int} bits")
    public void geometry(int pages, int indexBits) {
        GmmGeometry g = world.reads().geometry();
        context.expectEqual(
                "pages per chunk, bits of the page index and log2 of the chunk size in bytes",
                List.of(pages, indexBits, indexBits + 12),
                List.of(g.pagesPerChunk(), g.chunkIdShift(), g.chunkShift()));
    }

    @Then("the last page id is {word} and the last chunk id is {word}")
    public void lastIds(String page, String chunk) {
        GmmGeometry g = world.reads().geometry();
        context.expectEqual(
                "GMM_PAGEID_LAST and GMM_CHUNKID_LAST",
                List.of(hex(page), hex(chunk)),
                List.of(Numbers.hex(g.pageIdLast()), Numbers.hex(g.chunkIdLast())));
    }

    @Then("each free set has {int} lists")
    public void lists(int lists) {
        context.expectEqual(
                "lists per free set", lists, world.reads().geometry().freeSetLists());
    }

    @Then("{gmmVm}'s page {int} has id {word}")
    public void pageHasId(String vm, int n, String id) {
        context.expectEqual("the id of " + vm + "'s page " + n, hex(id), Numbers.hex(world.page(vm, n)));
    }

    @Then("{gmmVm}'s page {int} is in chunk {long}")
    public void pageInChunk(String vm, int n, long chunk) {
        context.expectEqual(
                "the chunk of " + vm + "'s page " + n,
                chunk,
                world.page(vm, n) >>> world.reads().geometry().chunkIdShift());
    }

    @Then("the new page(s) come(s) from chunk {long}")
    public void newPagesFrom(long chunk) {
        List<AllocatedPage> pages = context.lastValue("the allocation");
        context.expectThat("the allocation returned pages", !pages.isEmpty());
        for (AllocatedPage page : pages) {
            context.expectEqual(
                    "the chunk of new page " + Numbers.hex(page.pageId()),
                    chunk,
                    page.pageId() >>> world.reads().geometry().chunkIdShift());
        }
    }

    @Then("the new pages come from chunks {gmmNumbers}")
    public void newPagesFromChunks(List<Long> chunks) {
        List<AllocatedPage> pages = context.lastValue("the allocation");
        List<Long> seen = new ArrayList<>();
        for (AllocatedPage page : pages) {
            long chunk = page.pageId() >>> world.reads().geometry().chunkIdShift();
            if (!seen.contains(chunk)) {
                seen.add(chunk);
            }
        }
        context.expectEqual("the chunks of the new pages, in order", chunks, seen);
    }

    @Then("the new pages come from chunks {gmmNumbers} in any order")
    public void newPagesFromChunksInAnyOrder(List<Long> chunks) {
        List<AllocatedPage> pages = context.lastValue("the allocation");
        java.util.SortedSet<Long> seen = new java.util.TreeSet<>();
        for (AllocatedPage page : pages) {
            seen.add(page.pageId() >>> world.reads().geometry().chunkIdShift());
        }
        context.expectEqual("the chunks of the new pages", new java.util.TreeSet<>(chunks), seen);
    }

    @Then("the GMM holds {int} chunk(s)")
    public void holdsChunks(int count) {
        context.expectEqual("the chunks held", count, world.reads().chunkIds().size());
    }

    @Then("the GMM still holds chunk {long}")
    public void stillHolds(long chunk) {
        List<Long> ids = world.reads().chunkIds();
        context.expectThat("the GMM still holds chunk " + chunk + " (it holds " + ids + ")", ids.contains(chunk));
    }

    @Then("the GMM holds chunks {gmmNumbers}")
    public void holdsChunkIds(List<Long> ids) {
        context.expectEqual("the chunk ids held", ids, world.reads().chunkIds());
    }

    @Then("chunk {long} has affinity to {gmmVm}")
    public void affinity(long chunk, String vm) {
        context.expectEqual(
                "the VM affinity of chunk " + chunk,
                world.handle(vm),
                world.reads().chunk(chunk).affinity());
    }

    @Then("chunk {long} has no affinity")
    public void noAffinity(long chunk) {
        context.expectEqual(
                "the VM affinity of chunk " + chunk,
                0,
                world.reads().chunk(chunk).affinity());
    }

    @Then("chunk {long} has {int} free, {int} private and {int} shared pages")
    public void chunkCounts(long chunk, int free, int privatePages, int shared) {
        ChunkInfo info = world.reads().chunk(chunk);
        context.expectEqual(
                "free, private and shared pages of chunk " + chunk,
                List.of(free, privatePages, shared),
                List.of(info.free(), info.privatePages(), info.sharedPages()));
    }

    @Then("chunk {long} is dedicated to shared pages")
    public void dedicated(long chunk) {
        context.expectEqual(
                "chunk " + chunk + " is dedicated to shared pages",
                true,
                world.reads().chunk(chunk).sharedChunk());
    }

    @Then("the shared page is in a chunk dedicated to shared pages")
    public void sharedInDedicated() {
        long chunk = world.sharedPage >>> world.reads().geometry().chunkIdShift();
        ChunkInfo info = world.reads().chunk(chunk);
        context.expectEqual(
                "chunk " + chunk + " of the shared page: dedicated, and without private pages",
                List.of(true, 0),
                List.of(info.sharedChunk(), info.privatePages()));
    }

    @Then("{gmmVm}'s page {int} is free")
    public void pageFree(String vm, int n) {
        context.expectEqual(
                "the state of " + vm + "'s page " + n,
                PageState.FREE,
                world.reads().page(world.page(vm, n)).state());
    }

    @Then("{gmmVm}'s page {int} is private to {gmmVm}")
    public void pagePrivate(String vm, int n, String owner) {
        PageInfo info = world.reads().page(world.page(vm, n));
        context.expectEqual(
                "state and owner of " + vm + "'s page " + n,
                List.of(PageState.PRIVATE, world.handle(owner)),
                List.of(info.state(), info.owner()));
    }

    @Then("the new page is private to {gmmVm} and records guest pfn {word}")
    public void newPagePfn(String vm, String pfn) {
        List<AllocatedPage> pages = context.lastValue("the allocation");
        PageInfo info = world.reads().page(pages.get(0).pageId());
        context.expectEqual(
                "state, owner and guest pfn of the new page",
                List.of(PageState.PRIVATE, world.handle(vm), hex(pfn)),
                List.of(info.state(), info.owner(), Numbers.hex(info.guestPfn())));
    }

    /** The values that mark "no guest frame" in either declared reading of gmm.unknown-guest-frame. */
    private static final List<String> NO_GUEST_FRAME = List.of(Numbers.hex(0xFFFF_FFF1L), Numbers.hex(0xFFFF_FFFFL));

    @Then("the new page is private to {gmmVm} and records no guest frame")
    public void newPageWithoutFrame(String vm) {
        List<AllocatedPage> pages = context.lastValue("the allocation");
        PageInfo info = world.reads().page(pages.get(0).pageId());
        context.expectEqual(
                "state and owner of the new page",
                List.of(PageState.PRIVATE, world.handle(vm)),
                List.of(info.state(), info.owner()));
        context.expectThat(
                "the new page records guest pfn " + Numbers.hex(info.guestPfn())
                        + ", which is not a value that marks no guest frame (" + String.join(" or ", NO_GUEST_FRAME)
                        + ")",
                NO_GUEST_FRAME.contains(Numbers.hex(info.guestPfn())));
    }

    /**
     * A guest frame wider than the field is never recorded as another frame: it is refused as bad input and
     * changes nothing, or the page records no guest frame (never the frame's low 32 bits).
     */
    @Then(REFUSED_CHANGING_NOTHING_OR_NO_FRAME)
    public void refusedOrRecordedAsNoFrame() {
        if (context.lastRejected()) {
            context.expectRejected("VERR_INVALID_PARAMETER");
            nothingChanged();
            return;
        }
        List<AllocatedPage> pages = context.lastValue("the allocation");
        long pfn = world.reads().page(pages.get(0).pageId()).guestPfn();
        context.expectThat(
                "the frame wider than the field was accepted and recorded as " + Numbers.hex(pfn)
                        + ", which is not a value that marks no guest frame (" + String.join(" or ", NO_GUEST_FRAME)
                        + ")",
                NO_GUEST_FRAME.contains(Numbers.hex(pfn)));
    }

    @Then("every new page is private to {gmmVm} and records the guest pfn asked for it")
    public void newPagesRecordTheirPfns(String vm) {
        List<AllocatedPage> pages = context.lastValue("the allocation");
        context.expectEqual("pages handed out for the request", world.requestedPfns.size(), pages.size());
        for (int i = 0; i < pages.size(); i++) {
            PageInfo info = world.reads().page(pages.get(i).pageId());
            long asked = world.requestedPfns.get(i);
            context.expectEqual(
                    "state, owner and guest pfn of new page "
                            + Numbers.hex(pages.get(i).pageId()) + " (request entry " + (i + 1) + ")",
                    List.of(PageState.PRIVATE, world.handle(vm), Numbers.hex(asked < 0 ? 0xFFFF_FFF1L : asked)),
                    List.of(info.state(), info.owner(), Numbers.hex(info.guestPfn())));
        }
    }

    @Then("the new pages record guest pfns {gmmPfns}")
    public void newPagesPfns(List<Long> pfns) {
        List<AllocatedPage> pages = context.lastValue("the allocation");
        List<String> actual = new ArrayList<>();
        for (AllocatedPage page : pages) {
            actual.add(Numbers.hex(world.reads().page(page.pageId()).guestPfn()));
        }
        context.expectEqual(
                "the guest pfns the new pages record, in request order",
                pfns.stream().map(Numbers::hex).toList(),
                actual);
    }

    @Then("every new page's host pfn is the one the page records")
    public void everyHostPfn() {
        List<AllocatedPage> pages = context.lastValue("the pages handed out");
        context.expectThat("the call handed out pages", !pages.isEmpty());
        for (AllocatedPage page : pages) {
            context.expectEqual(
                    "the host pfn returned with page " + Numbers.hex(page.pageId()) + " and the one it records",
                    Numbers.hex(page.hostPfn()),
                    Numbers.hex(world.reads().page(page.pageId()).hostPfn()));
        }
    }

    @Then("the new page's host pfn is the one the page records")
    public void hostPfn() {
        List<AllocatedPage> pages = context.lastValue("the allocation");
        context.expectEqual(
                "the host pfn returned and recorded",
                pages.get(0).hostPfn(),
                world.reads().page(pages.get(0).pageId()).hostPfn());
    }

    @Then("the call returns the shared page with the host pfn the page records")
    public void returnsSharedPage() {
        AllocatedPage returned = context.lastValue("the use of the shared page");
        context.expectThat("the use of the shared page returned a page", returned != null);
        context.expectEqual(
                "the page id and host pfn returned",
                List.of(
                        Numbers.hex(world.sharedPage),
                        Numbers.hex(world.reads().page(world.sharedPage).hostPfn())),
                List.of(Numbers.hex(returned.pageId()), Numbers.hex(returned.hostPfn())));
    }

    @Then("the shared page has {long} reference(s)")
    public void sharedRefs(long refs) {
        PageInfo info = world.reads().page(world.sharedPage);
        context.expectEqual(
                "state and reference count of the shared page",
                List.of(PageState.SHARED, refs),
                List.of(info.state(), info.refs()));
    }

    @Then("the shared page is free")
    public void sharedFree() {
        context.expectEqual(
                "the state of the former shared page",
                PageState.FREE,
                world.reads().page(world.sharedPage).state());
    }

    @Then("{gmmVm} has {long} private page(s) and {long} shared page(s)")
    public void vmPages(String vm, long privatePages, long shared) {
        VmInfo info = world.reads().vm(world.handle(vm));
        context.expectEqual(
                vm + "'s private and shared pages",
                List.of(privatePages, shared),
                List.of(info.privatePages(), info.sharedPages()));
    }

    @Then("{gmmVm} has {long} BASE page(s) allocated")
    public void vmBase(String vm, long base) {
        context.expectEqual(
                vm + "'s allocated BASE pages",
                base,
                world.reads().vm(world.handle(vm)).allocatedBase());
    }

    @Then("{gmmVm} has {long} BASE, {long} SHADOW and {long} FIXED page(s) allocated")
    public void vmAccounts(String vm, long base, long shadow, long fixed) {
        VmInfo info = world.reads().vm(world.handle(vm));
        context.expectEqual(
                vm + "'s allocated BASE, SHADOW and FIXED pages",
                List.of(base, shadow, fixed),
                List.of(info.allocatedBase(), info.allocatedShadow(), info.allocatedFixed()));
    }

    @Then("every page of {gmmVm} is free")
    public void everyPageFree(String vm) {
        List<Long> ids = world.pages.getOrDefault(vm, List.of());
        context.expectThat("the scenario gave " + vm + " pages", !ids.isEmpty());
        for (long id : ids) {
            context.expectEqual(
                    "the state of " + vm + "'s page " + Numbers.hex(id),
                    PageState.FREE,
                    world.reads().page(id).state());
        }
    }

    @Then("{gmmVm} has policy {word} and priority {word}")
    public void vmPolicy(String vm, String policy, String priority) {
        VmInfo info = world.reads().vm(world.handle(vm));
        context.expectEqual(
                vm + "'s policy and priority",
                List.of(policy, priority),
                List.of(info.policy().name(), info.priority().name()));
    }

    @Then("the per-VM data has policy {word} and priority {word}")
    public void askedPolicy(String policy, String priority) {
        VmInfo info = context.lastValue("the per-VM data");
        context.expectEqual(
                "policy and priority",
                List.of(policy, priority),
                List.of(info.policy().name(), info.priority().name()));
    }

    @Then("the per-VM data has every counter zero")
    public void askedZero() {
        VmInfo info = context.lastValue("the per-VM data");
        context.expectEqual(
                "the per-VM counters",
                List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L),
                List.of(
                        info.reservedBase(),
                        info.reservedShadow(),
                        info.reservedFixed(),
                        info.allocatedBase(),
                        info.allocatedShadow(),
                        info.allocatedFixed(),
                        info.privatePages(),
                        info.sharedPages()));
    }

    @Then("{gmmVm} has reserved {long} base, {long} shadow and {long} fixed pages")
    public void vmReserved(String vm, long base, long shadow, long fixed) {
        VmInfo info = world.reads().vm(world.handle(vm));
        context.expectEqual(
                vm + "'s reservation",
                List.of(base, shadow, fixed),
                List.of(info.reservedBase(), info.reservedShadow(), info.reservedFixed()));
    }

    @Then("the statistics show {long} allocated, {long} shared and {long} duplicate pages")
    public void stats(long allocated, long shared, long duplicate) {
        GmmStatistics s = world.reads().statistics();
        context.expectEqual(
                "allocated, shared and duplicate pages",
                List.of(allocated, shared, duplicate),
                List.of(s.allocatedPages(), s.sharedPages(), s.duplicatePages()));
    }

    @Then("the statistics show {long} reserved pages and {long} registered VM(s)")
    public void statsReserved(long reserved, long vms) {
        GmmStatistics s = world.reads().statistics();
        context.expectEqual(
                "reserved pages and registered VMs",
                List.of(reserved, vms),
                List.of(s.reservedPages(), s.registeredVms()));
    }

    @Then("the statistics show {long} shared page(s) left behind")
    public void leftBehind(long pages) {
        context.expectEqual(
                "shared pages left behind", pages, world.reads().statistics().leftBehindSharedPages());
    }

    @Then("the GMM holds no chunks and no pages")
    public void empty() {
        GmmStatistics s = world.reads().statistics();
        context.expectEqual(
                "chunks, allocated, shared, duplicate and free pages",
                List.of(0L, 0L, 0L, 0L, 0L),
                List.of(s.chunks(), s.allocatedPages(), s.sharedPages(), s.duplicatePages(), s.freePages()));
    }

    @Then("the cleanup freed {long} page(s)")
    public void cleanupFreed(long pages) {
        CleanupReport report = context.lastValue("the cleanup");
        context.expectEqual("private pages freed by the cleanup", pages, report.freedPrivatePages());
    }

    @Then("the cleanup gave back chunk(s) {gmmNumbers}")
    public void cleanupReleased(List<Long> chunks) {
        CleanupReport report = context.lastValue("the cleanup");
        context.expectEqual(
                "chunks given back by the cleanup",
                chunks,
                report.releasedChunks().stream().sorted().toList());
    }

    @Then("the cleanup gave back no chunk")
    public void cleanupReleasedNone() {
        CleanupReport report = context.lastValue("the cleanup");
        context.expectEqual("chunks given back by the cleanup", List.of(), report.releasedChunks());
    }

    @Then("the cleanup reports that it was the last VM's")
    public void cleanupLast() {
        CleanupReport report = context.lastValue("the cleanup");
        context.expectEqual("the cleanup was the last VM's", true, report.lastVm());
    }

    @Then("the cleanup reports that it was not the last VM's")
    public void cleanupNotLast() {
        CleanupReport report = context.lastValue("the cleanup");
        context.expectEqual("the cleanup was the last VM's", false, report.lastVm());
    }

    @Then("the new VM's handle is none of the earlier VMs' handles")
    public void newHandle() {
        Integer handle = context.lastValue("the registration");
        List<Integer> earlier =
                world.vms.values().stream().filter(h -> !h.equals(handle)).toList();
        context.expectThat(
                "handle " + handle + " of the new VM was handed out before (" + earlier + ")",
                !earlier.contains(handle));
    }

    @Then("the cleanup reports no bogus statistics")
    public void noRepairs() {
        CleanupReport report = context.lastValue("the cleanup");
        context.expectEqual("chunks with bogus statistics", List.of(), report.repairs());
    }

    @Then("the cleanup reports chunk {long} with free {int}\\/{int}, private {int}\\/{int} and shared {int}\\/{int}")
    public void repair(long chunk, int rf, int cf, int rp, int cp, int rs, int cs) {
        CleanupReport report = context.lastValue("the cleanup");
        context.expectEqual(
                "chunks with bogus statistics (recorded/counted)",
                List.of(new ChunkRepair(chunk, rf, cf, rp, cp, rs, cs)),
                report.repairs());
    }

    @Then("termination reports chunk(s) {gmmNumbers}")
    public void termReports(List<Long> chunks) {
        List<ChunkInfo> busy = context.lastValue("the termination");
        context.expectEqual(
                "chunks not completely free at termination",
                chunks,
                busy.stream().map(ChunkInfo::chunkId).sorted().toList());
    }

    @Then("termination reports no chunk")
    public void termReportsNone() {
        List<ChunkInfo> busy = context.lastValue("the termination");
        context.expectEqual("chunks not completely free at termination", List.of(), busy);
    }

    @Then("the page is {word}")
    public void lookedUpState(String state) {
        PageInfo info = context.lastValue("the page");
        context.expectEqual("the page state", state, info.state().name());
    }

    @Then("the seeded chunk is chunk {long}")
    public void seededChunk(long chunk) {
        context.expectEqual("the id of the seeded chunk", chunk, context.<Long>lastValue("the seeded chunk"));
    }

    /**
     * No two pages handed out share a host frame. A chunk's frames need not follow each other: the seed takes a
     * chunk from the host as a physically non-contiguous allocation and looks each page's address up.
     */
    @Then("the new pages and {gmmVm}'s pages have distinct host page frames")
    public void hostFrames(String other) {
        List<AllocatedPage> pages = context.lastValue("the allocation");
        java.util.Map<Long, Long> pageOf = new java.util.HashMap<>();
        for (long id : world.pages.getOrDefault(other, List.of())) {
            pageOf.put(world.reads().page(id).hostPfn(), id);
        }
        for (AllocatedPage page : pages) {
            Long before = pageOf.put(page.hostPfn(), page.pageId());
            context.expectThat(
                    "host page frame " + Numbers.hex(page.hostPfn()) + " handed out with page "
                            + Numbers.hex(page.pageId()) + " and page " + Numbers.hex(before == null ? 0 : before),
                    before == null);
        }
    }

    @Then("{gmmVm}'s page {int} has the id of its page {int}")
    public void sameId(String vm, int n, int other) {
        context.expectEqual(
                "the id of " + vm + "'s page " + n, Numbers.hex(world.page(vm, other)), Numbers.hex(world.page(vm, n)));
    }

    static String hex(String number) {
        return Numbers.hex(Numbers.parse(number));
    }
}
