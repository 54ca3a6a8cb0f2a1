package org.gmck.kit.steps.gmm;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import org.gmck.kit.Numbers;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.GmmEdition;

/**
 * Actions that name their arguments in full, as the model-based sequences write them: the account and guest
 * frames of an allocation, the pages and account of a free request, the k-th shared page of the scenario.
 * Each takes a snapshot first, like every GMM action, so refusals can be checked to change nothing.
 */
public final class GmmSequenceSteps {

    private final GmmWorld world;

    public GmmSequenceSteps(GmmWorld world) {
        this.world = world;
    }

    @Given("a legacy-mode GMM with {gmmEdition} chunks and room for {int} chunk(s)")
    public void aLegacyGmmWithRoom(GmmEdition edition, int chunks) {
        world.start(edition, chunks, true);
    }

    @When("{gmmVm} allocates {int} {gmmAccount} page(s) for guest pfns from {word}")
    public void allocatesFrom(String vm, int count, Account account, String first) {
        long start = Numbers.parse(first);
        List<Long> pfns = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            pfns.add(start + i);
        }
        allocate(vm, account, pfns);
    }

    @When("{gmmVm} allocates {int} {gmmAccount} page(s) without guest addresses")
    public void allocatesWithoutAddresses(String vm, int count, Account account) {
        List<Long> pfns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pfns.add(-1L);
        }
        allocate(vm, account, pfns);
    }

    @When("{gmmVm} allocates {gmmAccount} pages for guest pfns {gmmPfns}")
    public void allocatesFor(String vm, Account account, List<Long> pfns) {
        allocate(vm, account, List.copyOf(pfns));
    }

    private void allocate(String vm, Account account, List<Long> pfns) {
        int handle = world.actor(vm);
        world.requestedPfns = pfns;
        world.act(() -> {
            List<AllocatedPage> pages = world.gmm.allocate(handle, account, pfns);
            world.remember(vm, pages);
            return pages;
        });
    }

    @When("{gmmVm} frees {gmmPages} from its {gmmAccount} account")
    public void frees(String vm, List<String> named, Account account) {
        List<Long> ids = new ArrayList<>();
        for (String page : named) {
            ids.add(world.pageNamed(vm, page));
        }
        int handle = world.actor(vm);
        world.actRun(() -> world.gmm.free(handle, account, ids));
    }

    @When("{gmmVm} shares shared page {int}")
    public void sharesShared(String vm, int k) {
        long id = world.sharedPage(k);
        int handle = world.actor(vm);
        world.act(() -> {
            AllocatedPage shared = world.gmm.share(handle, id);
            world.rememberShared(shared.pageId());
            world.lastAllocation = List.of(shared);
            return world.lastAllocation;
        });
    }

    @When("{gmmVm} uses shared page {int}")
    public void uses(String vm, int k) {
        world.useShared(vm, world.sharedPage(k));
    }

    @When("{gmmVm} releases shared page {int}")
    public void releases(String vm, int k) {
        world.releaseShared(vm, world.sharedPage(k));
    }

    @When("I look up shared page {int}")
    public void looksUpShared(int k) {
        long id = world.sharedPage(k);
        world.act(() -> world.gmm.page(id));
    }
}
