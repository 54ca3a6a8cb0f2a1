package org.gmck.reference.pgm.phys;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A host with a fixed budget of pages for one VM. Pages are numbered by page id; a page's host address is
 * derived from its id and lies from 2 GiB up, below 4 GiB for up to 512K pages, so that every shadow
 * paging mode can map it.
 */
public final class HostPagePool implements PageAllocationPort {

    /** Where the pool's pages start in host physical memory. */
    public static final long BASE = 0x0000_0000_8000_0000L;

    private final long budget;
    private final Deque<HostPage> freed = new ArrayDeque<>();
    private long handedOut;
    private int nextId = 1;

    public HostPagePool(long budget) {
        this.budget = budget;
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
        int id = nextId++;
        return new HostPage(id, BASE | (long) id << PhysAddress.PAGE_SHIFT);
    }
}
