package org.gmck.selftest.gmm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.CleanupReport;
import org.gmck.spi.gmm.GlobalMemory;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmFactory;
import org.gmck.spi.gmm.GmmOptions;
import org.gmck.spi.gmm.GmmStatus;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.PageInfo;
import org.gmck.spi.gmm.PageState;

/**
 * Giving a chunk back takes it out of the chunk tree but not out of the chunk TLB, so until another chunk
 * takes over its TLB entry a look-up of its id still hits the stale entry: the chunk is found (completely
 * free) and its pages are found free, where the chunk and its pages no longer exist.
 */
@Breaks(value = "GMM-ID-12", also = "GMM-ID-13")
public final class ChunkFoundAfterRelease extends KnownBad {

    private static final int TLB_ENTRIES = 32;

    GmmFactory gmm(GmmFactory reference) {
        return new ForwardingGmmFactory(reference) {
            @Override
            public GlobalMemory create(GmmEdition edition, GmmOptions options) {
                return new ForwardingGlobalMemory(real.create(edition, options)) {
                    /** Chunks given back whose TLB entry still points at them, as they were left: completely free. */
                    private final Map<Long, ChunkInfo> stale = new HashMap<>();
                    /** The host frame of page 0 of each chunk, as allocations showed it. */
                    private final Map<Long, Long> hostBase = new HashMap<>();

                    @Override
                    public synchronized List<AllocatedPage> allocate(int vm, Account account, List<Long> guestPfns) {
                        List<AllocatedPage> pages = real.allocate(vm, account, guestPfns);
                        pages.forEach(p -> hostBase.put(chunkOf(p.pageId()), p.hostPfn() - indexOf(p.pageId())));
                        return pages;
                    }

                    @Override
                    public synchronized CleanupReport cleanup(int vm) {
                        Map<Long, Boolean> sharedChunk = new HashMap<>();
                        for (long id : real.chunkIds()) {
                            sharedChunk.put(id, real.chunk(id).sharedChunk());
                        }
                        CleanupReport report = real.cleanup(vm);
                        int pages = real.geometry().pagesPerChunk();
                        for (long id : report.releasedChunks()) {
                            stale.put(id, new ChunkInfo(id, pages, 0, 0, 0, sharedChunk.getOrDefault(id, false)));
                        }
                        return report;
                    }

                    @Override
                    public synchronized ChunkInfo chunk(long chunkId) {
                        ChunkInfo cached = cached(chunkId);
                        return cached != null ? cached : real.chunk(chunkId);
                    }

                    @Override
                    public synchronized PageInfo page(long pageId) {
                        long chunk = chunkOf(pageId);
                        if (cached(chunk) != null) {
                            return new PageInfo(
                                    PageState.FREE, 0, 0, 0, hostBase.getOrDefault(chunk, 0L) + indexOf(pageId));
                        }
                        return real.page(pageId);
                    }

                    @Override
                    public synchronized void free(int vm, Account account, List<Long> pageIds) {
                        if (live(vm)
                                && pageIds != null
                                && pageIds.stream().anyMatch(id -> id != null && cached(chunkOf(id)) != null)) {
                            throw new RejectedException(GmmStatus.VERR_GMM_PAGE_ALREADY_FREE, "the page is free");
                        }
                        real.free(vm, account, pageIds);
                    }

                    @Override
                    public synchronized AllocatedPage share(int vm, long pageId) {
                        if (live(vm) && cached(chunkOf(pageId)) != null) {
                            throw new RejectedException(GmmStatus.VERR_GMM_PAGE_ALREADY_FREE, "the page is free");
                        }
                        return real.share(vm, pageId);
                    }

                    @Override
                    public synchronized AllocatedPage useShared(int vm, long sharedPageId) {
                        if (live(vm) && cached(chunkOf(sharedPageId)) != null) {
                            throw new RejectedException(GmmStatus.VERR_GMM_PAGE_NOT_SHARED, "the page is not shared");
                        }
                        return real.useShared(vm, sharedPageId);
                    }

                    @Override
                    public synchronized void releaseShared(int vm, long sharedPageId) {
                        if (live(vm) && cached(chunkOf(sharedPageId)) != null) {
                            throw new RejectedException(GmmStatus.VERR_GMM_PAGE_NOT_SHARED, "the page is not shared");
                        }
                        real.releaseShared(vm, sharedPageId);
                    }

                    /** Whether the VM may act: the manager checks the handle before it looks at pages. */
                    private boolean live(int vm) {
                        return real.vm(vm).policy() != OcPolicy.INVALID;
                    }

                    /** The stale TLB hit for a chunk id, or null when the id names a live chunk or the entry moved on. */
                    private ChunkInfo cached(long chunkId) {
                        ChunkInfo info = stale.get(chunkId);
                        if (info == null
                                || chunkId <= 0
                                || chunkId > real.geometry().chunkIdLast()) {
                            return null;
                        }
                        List<Long> live = real.chunkIds();
                        if (live.contains(chunkId)
                                || live.stream().anyMatch(id -> id % TLB_ENTRIES == chunkId % TLB_ENTRIES)) {
                            stale.remove(chunkId);
                            return null;
                        }
                        return info;
                    }

                    private long chunkOf(long pageId) {
                        return pageId >>> real.geometry().chunkIdShift();
                    }

                    private int indexOf(long pageId) {
                        return (int) (pageId & (real.geometry().pagesPerChunk() - 1));
                    }
                };
            }
        };
    }
}
