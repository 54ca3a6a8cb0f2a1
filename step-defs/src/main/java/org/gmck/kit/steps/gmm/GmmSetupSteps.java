package org.gmck.kit.steps.gmm;

import io.cucumber.java.en.Given;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.NonContiguousAllocation;

/** How GMM scenarios set the stage. Every setup call must succeed. */
public final class GmmSetupSteps {

    private final GmmWorld world;

    public GmmSetupSteps(GmmWorld world) {
        this.world = world;
    }

    @Given("a GMM")
    public void aGmm() {
        world.start(world.defaultEdition(), GmmWorld.DEFAULT_ROOM, false);
    }

    @Given("a GMM with {gmmEdition} chunks")
    public void aGmmWith(GmmEdition edition) {
        world.start(edition, GmmWorld.DEFAULT_ROOM, false);
    }

    @Given("a GMM with {gmmEdition} chunks and room for {int} chunk(s)")
    public void aGmmWithRoom(GmmEdition edition, int chunks) {
        world.start(edition, chunks, false);
    }

    @Given("a GMM with room for {int} chunk(s)")
    public void aGmmWithRoom(int chunks) {
        world.start(world.defaultEdition(), chunks, false);
    }

    @Given("a GMM with room for {int} pages")
    public void aGmmWithRoomForPages(int pages) {
        world.startWithHostPages(world.defaultEdition(), pages, false, NonContiguousAllocation.WORKS);
    }

    @Given("a legacy-mode GMM")
    public void aLegacyGmm() {
        world.start(world.defaultEdition(), GmmWorld.DEFAULT_ROOM, true);
    }

    @Given("a legacy-mode GMM with {gmmEdition} chunks")
    public void aLegacyGmmWith(GmmEdition edition) {
        world.start(edition, GmmWorld.DEFAULT_ROOM, true);
    }

    @Given("a legacy-mode GMM with room for {int} chunk(s)")
    public void aLegacyGmmWithRoom(int chunks) {
        world.start(world.defaultEdition(), chunks, true);
    }

    @Given("a GMM on a host without physically non-contiguous allocations")
    public void aGmmOnLegacyHost() {
        world.start(world.defaultEdition(), GmmWorld.DEFAULT_ROOM, false, NonContiguousAllocation.NOT_SUPPORTED);
    }

    @Given("a GMM with {gmmEdition} chunks on a host without physically non-contiguous allocations")
    public void aGmmWithOnLegacyHost(GmmEdition edition) {
        world.start(edition, GmmWorld.DEFAULT_ROOM, false, NonContiguousAllocation.NOT_SUPPORTED);
    }

    @Given("a legacy-mode GMM on a host without physically non-contiguous allocations")
    public void aLegacyGmmOnLegacyHost() {
        world.start(world.defaultEdition(), GmmWorld.DEFAULT_ROOM, true, NonContiguousAllocation.NOT_SUPPORTED);
    }

    @Given("a GMM on a host whose probe for physically non-contiguous memory fails for want of memory")
    public void aGmmOnFailingHost() {
        world.start(world.defaultEdition(), GmmWorld.DEFAULT_ROOM, false, NonContiguousAllocation.FAILED);
    }

    @Given("{gmmVm} is registered")
    public void registered(String vm) {
        world.registered(vm);
    }

    @Given("{gmmVm} has reserved its pages")
    public void reservedPages(String vm) {
        world.reserved(vm);
    }

    @Given("{gmmVm} has reserved {long} pages in each account")
    public void reservedEach(String vm, long pages) {
        int handle = world.registered(vm);
        world.setUp("reserve for " + vm, () -> {
            world.gmm.reserve(
                    handle, pages, pages, pages, org.gmck.spi.gmm.OcPolicy.TBD, org.gmck.spi.gmm.Priority.NORMAL);
            return Boolean.TRUE;
        });
    }

    @Given("{gmmVm} has allocated {int} page(s)")
    public void allocated(String vm, int count) {
        world.allocate(vm, Account.BASE, count);
    }

    @Given("{gmmVm} has allocated {int} {gmmAccount} page(s)")
    public void allocatedIn(String vm, int count, Account account) {
        world.allocate(vm, account, count);
    }

    @Given("{gmmVm} has allocated {int} page(s) and freed them")
    public void allocatedAndFreed(String vm, int count) {
        int before = world.pages.getOrDefault(vm, java.util.List.of()).size();
        world.allocate(vm, Account.BASE, count);
        freedRange(vm, before + 1, before + count);
    }

    @Given("{gmmVm} has filled {int} chunk(s)")
    public void filled(String vm, int chunks) {
        world.allocate(vm, Account.BASE, chunks * world.pagesPerChunk());
    }

    @Given("{gmmVm} has freed its page {int}")
    public void freed(String vm, int n) {
        freedRange(vm, n, n);
    }

    @Given("{gmmVm} has freed its pages {int} to {int}")
    public void freedRange(String vm, int from, int to) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        for (int n = from; n <= to; n++) {
            ids.add(world.page(vm, n));
        }
        int handle = world.handle(vm);
        world.setUp(vm + " frees pages " + from + " to " + to, () -> {
            world.gmm.free(handle, Account.BASE, ids);
            return Boolean.TRUE;
        });
    }

    @Given("{gmmVm} has freed all its pages")
    public void freedAll(String vm) {
        freedRange(vm, 1, world.pageCount(vm));
    }

    @Given("{gmmVm} has shared its page {int}")
    public void shared(String vm, int n) {
        long id = world.page(vm, n);
        int handle = world.handle(vm);
        world.rememberShared(world.setUp(vm + " shares page " + n, () -> world.gmm.share(handle, id))
                .pageId());
    }

    @Given("{gmmVm} has shared its pages {int} to {int}")
    public void sharedRange(String vm, int from, int to) {
        for (int n = from; n <= to; n++) {
            shared(vm, n);
        }
    }

    @Given("{gmmVm} has used every shared page")
    public void usesEveryShared(String vm) {
        int handle = world.reserved(vm);
        for (long id : world.sharedPages) {
            world.setUp(vm + " uses shared page " + Long.toHexString(id), () -> world.gmm.useShared(handle, id));
        }
    }

    @Given("I have looked up the shared page")
    public void lookedUpShared() {
        long id = world.sharedPage;
        world.setUp("look up the shared page", () -> world.gmm.page(id));
    }

    @Given("{gmmVm} has used the shared page")
    public void usesShared(String vm) {
        int handle = world.reserved(vm);
        world.setUp(vm + " uses the shared page", () -> world.gmm.useShared(handle, world.sharedPage));
    }

    @Given("{gmmVm} has used the shared page {int} time(s)")
    public void usesSharedTimes(String vm, int times) {
        int handle = world.reserved(vm);
        for (int i = 1; i <= times; i++) {
            world.setUp(
                    vm + " uses the shared page, reference " + i, () -> world.gmm.useShared(handle, world.sharedPage));
        }
    }

    @Given("{gmmVm} has released the shared page {int} time(s)")
    public void releasedSharedTimes(String vm, int times) {
        int handle = world.handle(vm);
        for (int i = 1; i <= times; i++) {
            world.setUp(vm + " releases the shared page, reference " + i, () -> {
                world.gmm.releaseShared(handle, world.sharedPage);
                return Boolean.TRUE;
            });
        }
    }

    @Given("{gmmVm} has seeded a chunk")
    public void seeded(String vm) {
        int handle = world.reserved(vm);
        world.setUp(vm + " seeds a chunk", () -> world.gmm.seedChunk(handle));
    }

    @Given("{gmmVm} has been cleaned up")
    public void cleanedUp(String vm) {
        int handle = world.registered(vm);
        world.setUp("clean up " + vm, () -> world.gmm.cleanup(handle));
    }

    @Given("{gmmVm} has reserved {long} base, {long} shadow and {long} fixed pages with policy {word}")
    public void reservedWithPolicy(String vm, long base, long shadow, long fixed, String policy) {
        int handle = world.registered(vm);
        world.setUp("reserve for " + vm, () -> {
            world.gmm.reserve(
                    handle,
                    base,
                    shadow,
                    fixed,
                    org.gmck.spi.gmm.OcPolicy.valueOf(policy),
                    org.gmck.spi.gmm.Priority.NORMAL);
            return Boolean.TRUE;
        });
    }

    @Given("I have looked up {gmmVm}'s page {int}")
    public void lookedUp(String vm, int n) {
        long id = world.page(vm, n);
        world.setUp("look up " + vm + "'s page " + n, () -> world.gmm.page(id));
    }

    @Given("the GMM has been terminated")
    public void terminated() {
        world.setUp("terminate the GMM", () -> world.gmm.terminate());
    }
}
