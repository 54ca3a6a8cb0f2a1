package org.gmck.reference.pgm.phys;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A host with a fixed budget of pages for one VM. Pages are numbered by page id; a page's host address is
 * derived from its id and lies from 2 GiB + 4 KiB up, below 4 GiB for any budget a shadow-paged VM may
 * have (448K pages, {@link org.gmck.spi.pgm.vm.GuestMemoryFactory#MAX_SHADOW_VM_HOST_PAGES}), so that every
 * shadow paging mode can map it, unless the pool is told where its pages start.
 */
public final class HostPagePool implements PageAllocationPort {

    /** Where the pool's pages start in host physical memory. */
    public static final long BASE = 0x0000_0000_8000_0000L;

    private final long budget;
    private final long firstHostPhys;
    private final int firstPageId;
    private final Deque<HostPage> freed = new ArrayDeque<>();
    private long handedOut;
    private int created;

    public HostPagePool(long budget) {
        this(budget, BASE + PhysAddress.PAGE_SIZE, 1);
    }

    /**
     * A pool whose first page lies at {@code firstHostPhys} with page id {@code firstPageId}, each later new
     * page at the next host page with the next id; the caller has checked that all {@code budget} of them
     * are valid addresses and ids.
     */
    public HostPagePool(long budget, long firstHostPhys, int firstPageId) {
        this.budget = budget;
        this.firstHostPhys = firstHostPhys;
        this.firstPageId = firstPageId;
    }

    @Override
    public long available() {
        return budget - handedOut;
    }

    @Override
    public HostPage allocatePrivate() {
        return take();
    }

    @Override
    public HostPage share(HostPage privatePage) {
        HostPage shared = take();
        free(privatePage);
        return shared;
    }

    private void free(HostPage page) {
        handedOut--;
        freed.push(page);
    }

    @Override
    public void releaseShared(HostPage page) {
        free(page);
    }

    private HostPage take() {
        handedOut++;
        if (!freed.isEmpty()) {
            return freed.pop();
        }
        int n = created++;
        return new HostPage(firstPageId + n, firstHostPhys + ((long) n << PhysAddress.PAGE_SHIFT));
    }
}
