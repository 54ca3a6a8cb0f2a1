package org.gmck.kit.steps.gmm;

import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import org.gmck.kit.Numbers;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.Priority;

/** The one action of a GMM scenario; each takes a snapshot first, so refusals can be checked to change nothing. */
public final class GmmActionSteps {

    private final GmmWorld world;

    public GmmActionSteps(GmmWorld world) {
        this.world = world;
    }

    @When("{gmmVm} allocates {int} page(s)")
    public void allocates(String vm, int count) {
        allocates(vm, count, Account.BASE);
    }

    @When("{gmmVm} allocates {int} {gmmAccount} page(s)")
    public void allocates(String vm, int count, Account account) {
        int handle = world.actor(vm);
        List<Long> pfns = world.guestPfns(vm, count);
        world.requestedPfns = pfns;
        world.act(() -> {
            List<AllocatedPage> pages = world.gmm.allocate(handle, account, pfns);
            world.remember(vm, pages);
            return pages;
        });
    }

    @When("{gmmVm} allocates a page for guest pfn {word}")
    public void allocatesForPfn(String vm, String pfn) {
        allocateWithPfn(vm, Numbers.parse(pfn));
    }

    @When("{gmmVm} allocates pages for guest pfns {gmmPfns}")
    public void allocatesForPfns(String vm, List<Long> pfns) {
        int handle = world.actor(vm);
        world.requestedPfns = List.copyOf(pfns);
        world.act(() -> {
            List<AllocatedPage> pages = world.gmm.allocate(handle, Account.BASE, pfns);
            world.remember(vm, pages);
            return pages;
        });
    }

    @When("{gmmVm} allocates a page without a guest address")
    public void allocatesWithoutAddress(String vm) {
        allocateWithPfn(vm, -1L);
    }

    private void allocateWithPfn(String vm, long pfn) {
        int handle = world.actor(vm);
        world.act(() -> {
            List<AllocatedPage> pages = world.gmm.allocate(handle, Account.BASE, List.of(pfn));
            world.remember(vm, pages);
            return pages;
        });
    }

    @When("{gmmVm} frees its page {int}")
    public void freesOwn(String vm, int n) {
        free(vm, Account.BASE, List.of(world.page(vm, n)));
    }

    @When("{gmmVm} frees its pages {int} to {int}")
    public void freesOwnRange(String vm, int from, int to) {
        List<Long> ids = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            ids.add(world.page(vm, n));
        }
        free(vm, Account.BASE, ids);
    }

    @When("{gmmVm} frees its page {int} from the {gmmAccount} account")
    public void freesFromAccount(String vm, int n, Account account) {
        free(vm, account, List.of(world.page(vm, n)));
    }

    @When("{gmmVm} frees its page {int} twice in one call")
    public void freesTwice(String vm, int n) {
        free(vm, Account.BASE, List.of(world.page(vm, n), world.page(vm, n)));
    }

    @When("{gmmVm} frees {gmmPageList} in one call")
    public void freesInOneCall(String vm, List<String> named) {
        List<Long> ids = new ArrayList<>();
        for (String page : named) {
            ids.add(world.pageNamed(vm, page));
        }
        free(vm, Account.BASE, ids);
    }

    @When("{gmmVm} frees its pages {int} to {int} from the {gmmAccount} account")
    public void freesRangeFromAccount(String vm, int from, int to, Account account) {
        List<Long> ids = new ArrayList<>();
        for (int n = from; n <= to; n++) {
            ids.add(world.page(vm, n));
        }
        free(vm, account, ids);
    }

    @When("{gmmVm} frees {gmmVm}'s page {int}")
    public void freesOther(String vm, String owner, int n) {
        free(vm, Account.BASE, List.of(world.page(owner, n)));
    }

    @When("{gmmVm} frees page {word}")
    public void freesRaw(String vm, String id) {
        free(vm, Account.BASE, List.of(Numbers.parse(id)));
    }

    @When("{gmmVm} frees the shared page through the private path")
    public void freesShared(String vm) {
        free(vm, Account.BASE, List.of(world.sharedPage));
    }

    private void free(String vm, Account account, List<Long> ids) {
        int handle = world.actor(vm);
        world.actRun(() -> world.gmm.free(handle, account, ids));
    }

    @When("{gmmVm} shares its page {int}")
    public void shares(String vm, int n) {
        share(vm, world.page(vm, n));
    }

    @When("{gmmVm} shares {gmmVm}'s page {int}")
    public void sharesOther(String vm, String owner, int n) {
        share(vm, world.page(owner, n));
    }

    @When("{gmmVm} shares the shared page")
    public void sharesShared(String vm) {
        share(vm, world.sharedPage);
    }

    private void share(String vm, long id) {
        int handle = world.actor(vm);
        world.act(() -> {
            AllocatedPage shared = world.gmm.share(handle, id);
            world.rememberShared(shared.pageId());
            world.lastAllocation = List.of(shared);
            return world.lastAllocation;
        });
    }

    @When("{gmmVm} shares page {word}")
    public void sharesRaw(String vm, String id) {
        share(vm, Numbers.parse(id));
    }

    @When("{gmmVm} uses page {word} as a shared page")
    public void usesRaw(String vm, String id) {
        world.useShared(vm, Numbers.parse(id));
    }

    @When("{gmmVm} releases page {word} as a shared page")
    public void releasesRaw(String vm, String id) {
        world.releaseShared(vm, Numbers.parse(id));
    }

    @When("{gmmVm} uses the shared page")
    public void uses(String vm) {
        world.useShared(vm, world.sharedPage);
    }

    @When("{gmmVm} uses its page {int} as a shared page")
    public void usesPrivate(String vm, int n) {
        world.useShared(vm, world.page(vm, n));
    }

    @When("{gmmVm} uses {gmmVm}'s page {int} as a shared page")
    public void usesOthers(String vm, String owner, int n) {
        world.useShared(vm, world.page(owner, n));
    }

    @When("{gmmVm} releases {gmmVm}'s page {int} as a shared page")
    public void releasesOthers(String vm, String owner, int n) {
        world.releaseShared(vm, world.page(owner, n));
    }

    @When("{gmmVm} releases the shared page")
    public void releases(String vm) {
        world.releaseShared(vm, world.sharedPage);
    }

    @When("{gmmVm} releases its page {int} as a shared page")
    public void releasesPrivate(String vm, int n) {
        world.releaseShared(vm, world.page(vm, n));
    }

    @When("{gmmVm} seeds a chunk")
    public void seeds(String vm) {
        int handle = world.actor(vm);
        world.act(() -> world.gmm.seedChunk(handle));
    }

    @When("{gmmVm} is cleaned up")
    public void cleanup(String vm) {
        int handle = world.actor(vm);
        world.act(() -> world.gmm.cleanup(handle));
    }

    @When("{gmmVm} reserves {long} base, {long} shadow and {long} fixed pages with policy {word} and priority {word}")
    public void reserves(String vm, long base, long shadow, long fixed, String policy, String priority) {
        int handle = world.actor(vm);
        world.actRun(() ->
                world.gmm.reserve(handle, base, shadow, fixed, OcPolicy.valueOf(policy), Priority.valueOf(priority)));
    }

    @When("{gmmVm} updates its reservation to {long} pages in each account")
    public void updates(String vm, long pages) {
        int handle = world.actor(vm);
        world.actRun(() -> world.gmm.updateReservation(handle, pages, pages, pages));
    }

    @When("{gmmVm} updates its reservation to {long} base, {long} shadow and {long} fixed pages")
    public void updatesEach(String vm, long base, long shadow, long fixed) {
        int handle = world.actor(vm);
        world.actRun(() -> world.gmm.updateReservation(handle, base, shadow, fixed));
    }

    @When("{gmmVm} registers")
    public void registers(String vm) {
        world.act(() -> {
            int handle = world.gmm.createVm();
            world.vms.put(vm, handle);
            return handle;
        });
    }

    @When("I list the chunk ids")
    public void listsChunks() {
        world.act(() -> world.gmm.chunkIds());
    }

    @When("I ask for the statistics")
    public void asksStatistics() {
        world.act(() -> world.gmm.statistics());
    }

    @When("{gmmVm} asks for its per-VM data")
    public void asksVm(String vm) {
        int handle = world.actor(vm);
        world.act(() -> world.gmm.vm(handle));
    }

    @When("I look up page {word}")
    public void looksUpPage(String id) {
        long pageId = Numbers.parse(id);
        world.act(() -> world.gmm.page(pageId));
    }

    @When("I look up {gmmVm}'s page {int}")
    public void looksUpVmPage(String vm, int n) {
        long pageId = world.page(vm, n);
        world.act(() -> world.gmm.page(pageId));
    }

    @When("I look up chunk {word}")
    public void looksUpChunk(String id) {
        long chunkId = Numbers.parse(id);
        world.act(() -> world.gmm.chunk(chunkId));
    }

    @When("the GMM is terminated")
    public void terminate() {
        world.act(() -> world.gmm.terminate());
    }
}
