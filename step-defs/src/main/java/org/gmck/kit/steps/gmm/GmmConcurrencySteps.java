package org.gmck.kit.steps.gmm;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.GmmStatistics;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.PageInfo;
import org.gmck.spi.gmm.PageState;
import org.gmck.spi.gmm.Priority;

/** Many VMs calling the manager at once. */
public final class GmmConcurrencySteps {

    private final GmmWorld world;

    public GmmConcurrencySteps(GmmWorld world) {
        this.world = world;
    }

    @When("{int} VMs each allocate {int} pages and free every other one, all at once")
    public void concurrently(int vms, int pages) throws Exception {
        for (int i = 0; i < vms; i++) {
            int handle = world.gmm.createVm();
            world.gmm.reserve(handle, pages, 1, 1, OcPolicy.TBD, Priority.NORMAL);
            world.concurrentVms.add(handle);
        }
        ExecutorService pool = Executors.newFixedThreadPool(vms);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int handle : world.concurrentVms) {
                results.add(pool.submit(() -> allocateAndFree(handle, pages)));
            }
            for (Future<List<Long>> result : results) {
                world.concurrentlyKept.add(result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Long> allocateAndFree(int handle, int pages) {
        List<Long> keep = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            AllocatedPage page =
                    world.gmm.allocate(handle, Account.BASE, List.of((long) i)).get(0);
            if (i % 2 == 0) {
                keep.add(page.pageId());
            } else {
                world.gmm.free(handle, Account.BASE, List.of(page.pageId()));
            }
        }
        return keep;
    }

    @Then("every kept page is private to the VM that allocated it and no page has two owners")
    public void owners() {
        Set<Long> all = new HashSet<>();
        for (int i = 0; i < world.concurrentVms.size(); i++) {
            for (long id : world.concurrentlyKept.get(i)) {
                world.context.expectThat("page " + Long.toHexString(id) + " was handed to two VMs", all.add(id));
                PageInfo info = world.gmm.page(id);
                world.context.expectEqual(
                        "state and owner of page " + Long.toHexString(id),
                        List.of(PageState.PRIVATE, world.concurrentVms.get(i)),
                        List.of(info.state(), info.owner()));
            }
        }
    }

    @Then("the pages add up: free plus allocated is every page of every chunk")
    public void conserved() {
        GmmStatistics s = world.gmm.statistics();
        long kept = world.concurrentlyKept.stream().mapToLong(List::size).sum();
        world.context.expectEqual("allocated pages", kept, s.allocatedPages());
        world.context.expectEqual(
                "free plus allocated pages", s.chunks() * world.pagesPerChunk(), s.freePages() + s.allocatedPages());
    }
}
