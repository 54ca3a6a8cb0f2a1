package org.gmck.reference.pgm.vm;

import java.util.List;
import org.gmck.reference.gmm.GlobalMemoryManager;
import org.gmck.reference.pgm.phys.HostPage;
import org.gmck.reference.pgm.phys.PageAllocationPort;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.Priority;

/**
 * PGM's pages from the global memory manager: one VM registered with a GMM of seed 002's edition (28-bit
 * page ids, as PGM's record holds them), its base reservation the VM's page budget. Private pages come from
 * the VM's private chunks, shared pages from the chunks dedicated to them.
 */
final class GmmPagePort implements PageAllocationPort {

    private static final int CHUNK_PAGES = 256;
    private static final int PAGE_SHIFT = 12;

    private final GlobalMemoryManager gmm;
    private final int vm;
    private final long budget;
    private long handedOut;

    GmmPagePort(long budget) {
        this.budget = budget;
        // Whole chunks for the budget's private pages, and one more for the chunk of shared pages.
        long hostPages = budget + 2L * CHUNK_PAGES;
        this.gmm = new GlobalMemoryManager(GmmEdition.SEED_1MB, hostPages, false);
        this.vm = gmm.createVm();
        gmm.reserve(vm, Math.max(budget, 1), 1, 1, OcPolicy.TBD, Priority.NORMAL);
    }

    @Override
    public long available() {
        return budget - handedOut;
    }

    @Override
    public HostPage allocatePrivate() {
        AllocatedPage page = gmm.allocate(vm, Account.BASE, List.of(-1L)).get(0);
        handedOut++;
        return host(page);
    }

    @Override
    public HostPage share(HostPage privatePage) {
        return host(gmm.share(vm, privatePage.pageId()));
    }

    @Override
    public void releaseShared(HostPage page) {
        gmm.releaseShared(vm, page.pageId());
        handedOut--;
    }

    private static HostPage host(AllocatedPage page) {
        return new HostPage((int) page.pageId(), page.hostPfn() << PAGE_SHIFT);
    }
}
