package org.gmck.reference.gmm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.AllocatedPage;
import org.gmck.spi.gmm.ChunkInfo;
import org.gmck.spi.gmm.CleanupReport;
import org.gmck.spi.gmm.GmmEdition;
import org.gmck.spi.gmm.GmmStatistics;
import org.gmck.spi.gmm.GmmStatus;
import org.gmck.spi.gmm.NonContiguousAllocation;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.PageInfo;
import org.gmck.spi.gmm.PageState;
import org.gmck.spi.gmm.Priority;
import org.gmck.spi.gmm.VmInfo;

/**
 * VirtualBox's global memory manager (GMM): hands out guest RAM page by page from chunks it takes from the
 * host, tracks every page as private, shared or free in one packed word, and cleans up after VMs.
 *
 * <p>One lock serialises the manager, so any number of VMs may call at once. Every refusal is a
 * {@link RejectedException} with a {@link GmmStatus}, made before anything changes.
 */
public final class GlobalMemoryManager {

    /** GMM_MAGIC. */
    public static final long MAGIC = 0x1954_0414L;
    /** The largest page count one call may ask for (2^20, as in GMMR0AllocatePages). */
    public static final int MAX_PAGES_PER_CALL = 1 << 20;

    private final ChunkGeometry geometry;
    private final ChunkPool pool;
    private final boolean legacy;
    private final long hostPages;
    /** The VMs by handle: handle {@code h} at position {@code h - 1} (handles count up from 1). */
    private final List<VmData> vms = new ArrayList<>();

    private long magic = MAGIC;
    private long allocatedPages;
    private long sharedPages;
    private long duplicatePages;
    private long leftBehindSharedPages;

    /**
     * An initialised manager on a host that allocates physically non-contiguous memory.
     *
     * @param edition    the chunk geometry, id limits and bucket rule
     * @param hostPages  the host memory limit in pages (whole chunks only)
     * @param legacyMode chunks come only from VMs seeding them; no sharing
     */
    public GlobalMemoryManager(GmmEdition edition, long hostPages, boolean legacyMode) {
        this(edition, hostPages, legacyMode, NonContiguousAllocation.WORKS);
    }

    /**
     * An initialised manager. As GMMR0Init does, it runs in legacy mode when the host answers its probe for
     * physically non-contiguous memory with "not supported"; any other failure of the probe is only a failed
     * attempt and leaves legacy mode off.
     *
     * @param edition       the chunk geometry, id limits and bucket rule
     * @param hostPages     the host memory limit in pages (whole chunks only)
     * @param legacyMode    legacy mode asked for: chunks come only from VMs seeding them; no sharing
     * @param nonContiguous what the host answers to the probe at initialisation
     */
    public GlobalMemoryManager(
            GmmEdition edition, long hostPages, boolean legacyMode, NonContiguousAllocation nonContiguous) {
        this.geometry = ChunkGeometry.of(edition);
        this.pool = new ChunkPool(geometry, hostPages);
        this.legacy = legacyMode || nonContiguous == NonContiguousAllocation.NOT_SUPPORTED;
        this.hostPages = hostPages;
    }

    public ChunkGeometry geometry() {
        return geometry;
    }

    /** The chunk pool, for tests in this package. */
    ChunkPool pool() {
        return pool;
    }

    // ---------------------------------------------------------------- VMs and reservations

    /** Registers a VM: counters zero, policy TBD, priority NORMAL. */
    public synchronized int createVm() {
        checkInstance();
        int handle = vms.size() + 1;
        vms.add(new VmData(handle));
        return handle;
    }

    public synchronized VmInfo vm(int vm) {
        checkInstance();
        return registeredVm(vm).describe();
    }

    /** The initial reservation: positive counts, a valid policy and priority, once. */
    public synchronized void reserve(int vm, long base, long shadow, long fixed, OcPolicy policy, Priority priority) {
        VmData data = liveVm(vm);
        checkCounts(base, shadow, fixed);
        if (policy == null || policy == OcPolicy.INVALID || priority == null || priority == Priority.INVALID) {
            throw reject(GmmStatus.VERR_INVALID_PARAMETER, "policy and priority must be valid");
        }
        if (data.hasReservation()) {
            throw reject(GmmStatus.VERR_WRONG_ORDER, "VM " + vm + " already made its initial reservation");
        }
        checkBacked(data, policy, base, shadow, fixed);
        data.reserved[0] = base;
        data.reserved[1] = shadow;
        data.reserved[2] = fixed;
        data.policy = policy;
        data.priority = priority;
    }

    /** Replaces the reservation counts; only after the initial reservation. */
    public synchronized void updateReservation(int vm, long base, long shadow, long fixed) {
        VmData data = liveVm(vm);
        checkCounts(base, shadow, fixed);
        if (!data.hasReservation()) {
            throw reject(GmmStatus.VERR_WRONG_ORDER, "VM " + vm + " has made no initial reservation");
        }
        checkBacked(data, data.policy, base, shadow, fixed);
        data.reserved[0] = base;
        data.reserved[1] = shadow;
        data.reserved[2] = fixed;
    }

    private static void checkCounts(long base, long shadow, long fixed) {
        if (base <= 0 || shadow <= 0 || fixed <= 0) {
            throw reject(GmmStatus.VERR_INVALID_PARAMETER, "every reservation count must be positive");
        }
    }

    /**
     * Under NO_OC the reservations of all NO_OC VMs together must fit in host memory. Under any policy the
     * reservations of all VMs together must be a count a long holds, so that no total wraps. The counts are
     * positive; sums are taken with overflow checks, and an overflowing NO_OC sum certainly exceeds the host.
     */
    private void checkBacked(VmData data, OcPolicy policy, long base, long shadow, long fixed) {
        long committed;
        long all;
        try {
            committed = Math.addExact(Math.addExact(base, shadow), fixed);
        } catch (ArithmeticException e) {
            throw overflowing(policy, "the counts " + base + ", " + shadow + " and " + fixed);
        }
        all = committed;
        for (VmData other : vms) {
            if (other == data) {
                continue;
            }
            try {
                all = Math.addExact(all, other.reservedTotal());
                if (policy == OcPolicy.NO_OC && other.policy == OcPolicy.NO_OC) {
                    committed = Math.addExact(committed, other.reservedTotal());
                }
            } catch (ArithmeticException e) {
                throw overflowing(policy, "the reservations of all VMs");
            }
        }
        if (policy == OcPolicy.NO_OC && committed > hostPages) {
            throw reject(
                    GmmStatus.VERR_GMM_MEMORY_RESERVATION_DECLINED,
                    "NO_OC reservations of " + committed + " pages exceed the host's " + hostPages);
        }
    }

    private RejectedException overflowing(OcPolicy policy, String what) {
        return policy == OcPolicy.NO_OC
                ? reject(GmmStatus.VERR_GMM_MEMORY_RESERVATION_DECLINED, what + " together exceed any host's pages")
                : reject(GmmStatus.VERR_INVALID_PARAMETER, what + " together are more pages than a count holds");
    }

    // ---------------------------------------------------------------- private pages

    /**
     * Allocates one private page per guest pfn (negative: none, recorded as unshareable), all or nothing.
     * Returns page ids and host pfns in request order.
     */
    public synchronized List<AllocatedPage> allocate(int vm, Account account, List<Long> guestPfns) {
        VmData data = liveVm(vm);
        int count = checkPageCount(account, guestPfns);
        for (Long pfn : guestPfns) {
            if (pfn == null || pfn > GmmPage.PFN_LAST) {
                throw reject(GmmStatus.VERR_INVALID_PARAMETER, "guest pfn " + pfn + " is beyond what a page records");
            }
        }
        if (!data.hasReservation()) {
            throw reject(GmmStatus.VERR_WRONG_ORDER, "VM " + vm + " allocates before its initial reservation");
        }
        checkGlobalLimit(count);
        checkAccountLimit(data, account, count);
        if (legacy) {
            if (ownFreePages(vm) < count) {
                throw reject(GmmStatus.VERR_GMM_SEED_ME, "legacy mode: VM " + vm + " must seed another chunk");
            }
        } else if (pool.privateSet.freePages() + pool.chunksLeft() * geometry.pagesPerChunk() < count) {
            throw reject(
                    GmmStatus.VERR_GMM_HIT_GLOBAL_LIMIT, "the host memory limit does not cover " + count + " pages");
        }
        // Everything that can run out is got before the first page changes: the memory of every chunk the
        // request needs beyond the free pages already held, and the list of results.
        AllocatedPage[] result;
        long[][] newChunks;
        try {
            long missing = legacy ? 0 : Math.max(0, count - pool.privateSet.freePages());
            newChunks = new long[(int) ((missing + geometry.pagesPerChunk() - 1) / geometry.pagesPerChunk())][];
            for (int i = 0; i < newChunks.length; i++) {
                newChunks[i] = pool.chunkMemory();
            }
            result = new AllocatedPage[count];
        } catch (OutOfMemoryError e) {
            throw reject(GmmStatus.VERR_NO_MEMORY, "the host could not give the chunks for " + count + " pages");
        }
        int nextNew = 0;
        int position = 0;
        Chunk chunk = null;
        int runFree = 0;
        for (Long pfn : guestPfns) {
            // A picked chunk stays the pick while it has free pages: taking pages moves it, if at all, to the head
            // of a list further down, still ahead of every chunk the pick would prefer to it. Its counts and its
            // place in the free set follow once for the pages taken from it in a row (the place it would have
            // reached page by page: its free count only falls, and each move puts it at a list's head).
            if (chunk == null || chunk.free == 0) {
                if (chunk != null) {
                    tookPages(chunk, runFree);
                }
                chunk = AllocationOrder.pick(pool.privateSet, vm, legacy);
                if (chunk == null) {
                    // Only once the free set is empty: the chunks got above cover exactly what it lacked.
                    chunk = pool.create(false, vm, newChunks[nextNew++]);
                }
                data.touched(chunk.id);
                runFree = chunk.free;
            }
            int index = chunk.popFree();
            chunk.pages[index] = GmmPage.privatePage(pfn < 0 ? GmmPage.PFN_UNSHAREABLE : pfn, vm);
            result[position++] = new AllocatedPage(geometry.pageId(chunk.id, index), chunk.hostPfn(index));
        }
        tookPages(chunk, runFree);
        data.allocated[account.ordinal()] += count;
        data.privatePages += count;
        allocatedPages += count;
        // Nothing else holds the array: handing it out read-only spares building a list and copying it.
        return Collections.unmodifiableList(Arrays.asList(result));
    }

    /** Counts the private pages just taken from a chunk that had {@code oldFree} free, and moves it in its set. */
    private void tookPages(Chunk chunk, int oldFree) {
        chunk.privateCount += oldFree - chunk.free;
        pool.privateSet.changed(chunk, oldFree);
    }

    private long ownFreePages(int vm) {
        long free = 0;
        for (Chunk c : pool.all()) {
            if (c.affinity == vm) {
                free += c.free;
            }
        }
        return free;
    }

    /**
     * Frees private pages of the VM, all or nothing. The check marks each page it passes as free on the spot,
     * so that the same page named again later in the request fails as already free; a refused request puts
     * the marked pages back as they were.
     */
    public synchronized void free(int vm, Account account, List<Long> pageIds) {
        VmData data = liveVm(vm);
        int count = checkPageCount(account, pageIds);
        for (Long id : pageIds) {
            checkPageId(id);
        }
        if (data.allocated[account.ordinal()] < count) {
            throw reject(
                    GmmStatus.VERR_GMM_ATTEMPT_TO_FREE_TOO_MUCH,
                    "VM " + vm + " has only " + data.allocated[account.ordinal()] + " " + account + " pages");
        }
        int marked = 0;
        try {
            for (Long id : pageIds) {
                Chunk chunk = existingChunkOf(id);
                int index = geometry.indexOf(id);
                checkFreeable(chunk.pages[index], id, vm);
                chunk.pages[index] = GmmPage.markedFree(chunk.pages[index]);
                marked++;
            }
        } catch (RejectedException e) {
            unmark(pageIds, marked);
            throw e;
        }
        pushFreed(pageIds);
        data.allocated[account.ordinal()] -= count;
        data.privatePages -= count;
        allocatedPages -= count;
    }

    /** A page the VM may free: neither free (nor marked free earlier in the request), nor shared, and its own. */
    private static void checkFreeable(long word, long id, int vm) {
        if (GmmPage.state(word) == GmmPage.STATE_FREE) {
            throw reject(GmmStatus.VERR_GMM_PAGE_ALREADY_FREE, "page 0x" + Long.toHexString(id) + " is already free");
        }
        if (GmmPage.state(word) == GmmPage.STATE_SHARED) {
            throw reject(GmmStatus.VERR_GMM_PAGE_NOT_PRIVATE, "page 0x" + Long.toHexString(id) + " is shared");
        }
        if (GmmPage.vmHandle(word) != vm) {
            throw reject(
                    GmmStatus.VERR_GMM_NOT_PAGE_OWNER,
                    "page 0x" + Long.toHexString(id) + " belongs to VM " + GmmPage.vmHandle(word));
        }
    }

    /** Gives the first {@code marked} pages of a refused request their private words back (the TLB untouched). */
    private void unmark(List<Long> pageIds, int marked) {
        for (int i = 0; i < marked; i++) {
            long id = pageIds.get(i);
            Chunk chunk = pool.lookup(geometry.chunkOf(id));
            int index = geometry.indexOf(id);
            chunk.pages[index] = GmmPage.unmarked(chunk.pages[index]);
        }
    }

    private void freePage(Chunk chunk, int index) {
        int oldFree = chunk.free;
        chunk.pushFree(index, false);
        pool.setOf(chunk).changed(chunk, oldFree);
    }

    /**
     * Puts checked pages on their chunks' free LIFOs. The check left every page's chunk in its TLB entry in this
     * order; finding them again would too. A chunk's counts and its place in its free set follow once for the
     * pages freed onto it in a row (the place it would have reached page by page: its free count only rises in
     * the row, and each move puts it at a list's head).
     */
    private void pushFreed(List<Long> pageIds) {
        Chunk chunk = null;
        int runFree = 0;
        for (Long boxed : pageIds) {
            long id = boxed;
            long chunkId = geometry.chunkOf(id);
            if (chunk == null || chunk.id != chunkId) {
                if (chunk != null) {
                    freedPages(chunk, runFree);
                }
                chunk = pool.lookup(chunkId);
                runFree = chunk.free;
            }
            chunk.pushFree(geometry.indexOf(id), false);
        }
        freedPages(chunk, runFree);
    }

    /** Counts the private pages just freed onto a chunk that had {@code oldFree} free, and moves it in its set. */
    private void freedPages(Chunk chunk, int oldFree) {
        chunk.privateCount -= chunk.free - oldFree;
        pool.setOf(chunk).changed(chunk, oldFree);
    }

    // ---------------------------------------------------------------- shared pages

    /** Turns a private page of the VM into a shared page (reference count 1) in a chunk dedicated to shared pages. */
    public synchronized AllocatedPage share(int vm, long pageId) {
        VmData data = liveVm(vm);
        checkSharing();
        checkPageId(pageId);
        long word = existingPage(pageId);
        checkPrivateOwnedBy(word, pageId, vm);
        Chunk target = null;
        for (int list = 0; list < pool.sharedSet.lists() && target == null; list++) {
            target = pool.sharedSet.head(list);
        }
        if (target == null) {
            if (pool.chunksLeft() <= 0) {
                throw reject(GmmStatus.VERR_GMM_HIT_GLOBAL_LIMIT, "no room for a chunk of shared pages");
            }
            target = pool.create(true, 0);
        }
        int oldFree = target.free;
        int index = target.popFree();
        target.pages[index] = GmmPage.sharedPage(target.hostPfn(index), 1);
        target.sharedCount++;
        pool.sharedSet.changed(target, oldFree);
        Chunk source = pool.find(geometry.chunkOf(pageId));
        freePage(source, geometry.indexOf(pageId));
        source.privateCount--;
        long sharedId = geometry.pageId(target.id, index);
        data.chunks.add(target.id);
        data.privatePages--;
        data.sharedPages++;
        data.sharedRefs.merge(sharedId, 1L, Long::sum);
        sharedPages++;
        return new AllocatedPage(sharedId, target.hostPfn(index));
    }

    /** One more reference to a shared page for the VM, counted as a BASE page. */
    public synchronized AllocatedPage useShared(int vm, long sharedPageId) {
        VmData data = liveVm(vm);
        checkSharing();
        checkPageId(sharedPageId);
        long word = existingPage(sharedPageId);
        checkShared(word, sharedPageId);
        if (!data.hasReservation()) {
            throw reject(GmmStatus.VERR_WRONG_ORDER, "VM " + vm + " uses a page before its initial reservation");
        }
        checkAccountLimit(data, Account.BASE, 1);
        if (GmmPage.refs(word) >= GmmPage.MAX_16) {
            throw reject(
                    GmmStatus.VERR_OUT_OF_RANGE,
                    "the reference count of 0x" + Long.toHexString(sharedPageId) + " is full");
        }
        Chunk chunk = pool.find(geometry.chunkOf(sharedPageId));
        int index = geometry.indexOf(sharedPageId);
        chunk.pages[index] = GmmPage.sharedPage(GmmPage.pfn(word), GmmPage.refs(word) + 1);
        data.allocated[Account.BASE.ordinal()]++;
        data.sharedPages++;
        data.sharedRefs.merge(sharedPageId, 1L, Long::sum);
        duplicatePages++;
        return new AllocatedPage(sharedPageId, chunk.hostPfn(index));
    }

    /** Drops one of the VM's references to a shared page; at zero the page is freed. */
    public synchronized void releaseShared(int vm, long sharedPageId) {
        VmData data = liveVm(vm);
        checkPageId(sharedPageId);
        long word = existingPage(sharedPageId);
        checkShared(word, sharedPageId);
        Long held = data.sharedRefs.get(sharedPageId);
        if (held == null) {
            throw reject(
                    GmmStatus.VERR_GMM_NOT_PAGE_OWNER,
                    "VM " + vm + " holds no reference to 0x" + Long.toHexString(sharedPageId));
        }
        if (held == 1) {
            data.sharedRefs.remove(sharedPageId);
        } else {
            data.sharedRefs.put(sharedPageId, held - 1);
        }
        data.sharedPages--;
        data.allocated[Account.BASE.ordinal()] = Math.max(0, data.allocated[Account.BASE.ordinal()] - 1);
        dropReference(sharedPageId, word);
    }

    private void dropReference(long sharedPageId, long word) {
        Chunk chunk = pool.find(geometry.chunkOf(sharedPageId));
        int index = geometry.indexOf(sharedPageId);
        long refs = GmmPage.refs(word) - 1;
        if (refs == 0) {
            freePage(chunk, index);
            chunk.sharedCount--;
            sharedPages--;
            allocatedPages--;
        } else {
            chunk.pages[index] = GmmPage.sharedPage(GmmPage.pfn(word), refs);
            duplicatePages--;
        }
    }

    private void checkSharing() {
        if (legacy) {
            throw reject(GmmStatus.VERR_NOT_SUPPORTED, "legacy mode has no page sharing");
        }
    }

    private static void checkPrivateOwnedBy(long word, long pageId, int vm) {
        int state = GmmPage.state(word);
        if (state == GmmPage.STATE_FREE) {
            throw reject(GmmStatus.VERR_GMM_PAGE_ALREADY_FREE, "page 0x" + Long.toHexString(pageId) + " is free");
        }
        if (state == GmmPage.STATE_SHARED) {
            throw reject(
                    GmmStatus.VERR_GMM_PAGE_NOT_PRIVATE, "page 0x" + Long.toHexString(pageId) + " is already shared");
        }
        if (GmmPage.vmHandle(word) != vm) {
            throw reject(
                    GmmStatus.VERR_GMM_NOT_PAGE_OWNER,
                    "page 0x" + Long.toHexString(pageId) + " belongs to VM " + GmmPage.vmHandle(word));
        }
    }

    private static void checkShared(long word, long pageId) {
        if (GmmPage.state(word) != GmmPage.STATE_SHARED) {
            throw reject(GmmStatus.VERR_GMM_PAGE_NOT_SHARED, "page 0x" + Long.toHexString(pageId) + " is not shared");
        }
    }

    // ---------------------------------------------------------------- legacy mode

    /** Legacy mode: registers one chunk of the VM's locked memory; only that VM allocates from it. */
    public synchronized long seedChunk(int vm) {
        liveVm(vm);
        if (!legacy) {
            throw reject(GmmStatus.VERR_NOT_SUPPORTED, "chunks are seeded only in legacy mode");
        }
        if (pool.chunksLeft() <= 0) {
            throw reject(GmmStatus.VERR_GMM_HIT_GLOBAL_LIMIT, "the host memory limit holds no more chunks");
        }
        Chunk chunk = pool.create(false, vm);
        vms.get(vm - 1).chunks.add(chunk.id);
        return chunk.id;
    }

    // ---------------------------------------------------------------- cleanup and termination

    /**
     * Cleans up a terminating VM: frees exactly its private pages onto their chunks' free LIFOs, recounts and
     * repairs those chunks, gives completely free chunks back, leaves its shared references behind, and
     * leaves its per-VM data INVALID. The last VM flushes everything.
     */
    public synchronized CleanupReport cleanup(int vm) {
        checkInstance();
        VmData data = registeredVm(vm);
        if (data.cleanedUp) {
            throw reject(GmmStatus.VERR_WRONG_ORDER, "VM " + vm + " was already cleaned up");
        }
        Set<Long> touched = Set.copyOf(data.chunks);
        VmCleanup.Result scanned = VmCleanup.freePrivatePages(pool, data);
        allocatedPages -= scanned.freed();
        leftBehindSharedPages += data.sharedPages;
        vms.set(vm - 1, VmData.cleanedUp(vm));
        boolean last = vms.stream().allMatch(v -> v.cleanedUp);
        List<Long> released = new ArrayList<>();
        for (Chunk chunk : last ? pool.all() : releasable(touched)) {
            pool.release(chunk);
            released.add(chunk.id);
        }
        if (last) {
            allocatedPages = 0;
            sharedPages = 0;
            duplicatePages = 0;
            leftBehindSharedPages = 0;
        }
        return new CleanupReport(scanned.freed(), scanned.repairs(), released, last);
    }

    /** Completely free chunks; in legacy mode only the ones the VM seeded (the only ones it touched). */
    private List<Chunk> releasable(Set<Long> touched) {
        List<Chunk> empty = new ArrayList<>(pool.completelyFree(pool.privateSet));
        empty.addAll(pool.completelyFree(pool.sharedSet));
        if (legacy) {
            empty.removeIf(c -> !touched.contains(c.id));
        }
        return empty;
    }

    /**
     * Terminates the manager: reports the chunks not completely free and changes the magic. From then on every
     * call is refused, so no chunk can be reached again; they go with the instance.
     */
    public synchronized List<ChunkInfo> terminate() {
        checkInstance();
        List<ChunkInfo> busy = new ArrayList<>();
        for (Chunk chunk : pool.all()) {
            if (!chunk.completelyFree()) {
                busy.add(describe(chunk));
            }
        }
        magic = geometry.edition() == GmmEdition.SEED_1MB ? MAGIC + 1 : ~MAGIC & GmmPage.MAX_32;
        return List.copyOf(busy);
    }

    // ---------------------------------------------------------------- queries

    public synchronized PageInfo page(long pageId) {
        long word = pageWord(pageId);
        long hostPfn = pool.find(geometry.chunkOf(pageId)).hostPfn(geometry.indexOf(pageId));
        switch (GmmPage.state(word)) {
            case GmmPage.STATE_PRIVATE:
                return new PageInfo(PageState.PRIVATE, GmmPage.vmHandle(word), GmmPage.pfn(word), 0, hostPfn);
            case GmmPage.STATE_SHARED:
                return new PageInfo(PageState.SHARED, 0, 0, GmmPage.refs(word), hostPfn);
            default:
                return new PageInfo(PageState.FREE, 0, 0, 0, hostPfn);
        }
    }

    public synchronized ChunkInfo chunk(long chunkId) {
        return describe(existingChunk(chunkId));
    }

    public synchronized List<Long> chunkIds() {
        checkInstance();
        List<Long> ids = new ArrayList<>();
        for (Chunk chunk : pool.all()) {
            ids.add(chunk.id);
        }
        return List.copyOf(ids);
    }

    public synchronized GmmStatistics statistics() {
        checkInstance();
        long reserved = 0;
        long registered = 0;
        for (VmData data : vms) {
            reserved += data.reservedTotal();
            registered += data.hasReservation() ? 1 : 0;
        }
        return new GmmStatistics(
                pool.count(),
                allocatedPages,
                sharedPages,
                duplicatePages,
                pool.freePages(),
                reserved,
                registered,
                leftBehindSharedPages);
    }

    // ---------------------------------------------------------------- internals, for introspection

    /** The manager's magic: GMM_MAGIC while alive; after termination the seed adds one, later code inverts it. */
    public synchronized long magic() {
        return magic;
    }

    /** The raw GMMPAGE word of a page. */
    public synchronized long rawPage(long pageId) {
        return pageWord(pageId);
    }

    /** The free page indexes of a chunk, from the head of its LIFO. */
    public synchronized List<Integer> freeLifo(long chunkId) {
        return List.copyOf(existingChunk(chunkId).freeLifo());
    }

    /** The chunk ids on each list of the private (false) or shared (true) free set. */
    public synchronized List<List<Long>> freeSet(boolean shared) {
        checkInstance();
        return (shared ? pool.sharedSet : pool.privateSet).describe();
    }

    /** The free page count a free set records. */
    public synchronized long freeSetPages(boolean shared) {
        checkInstance();
        return (shared ? pool.sharedSet : pool.privateSet).freePages();
    }

    /** The chunk id in each chunk TLB entry. */
    public synchronized List<Long> chunkTlb() {
        checkInstance();
        return pool.tlb.describe();
    }

    /** Overwrites a chunk's counters (not its pages), so that cleanup has bogus statistics to repair. */
    public synchronized void corruptChunkStatistics(long chunkId, int free, int privatePages, int sharedPages) {
        Chunk chunk = existingChunk(chunkId);
        int oldFree = chunk.free;
        chunk.free = free;
        chunk.privateCount = privatePages;
        chunk.sharedCount = sharedPages;
        pool.setOf(chunk).changed(chunk, oldFree);
    }

    // ---------------------------------------------------------------- validation helpers

    private void checkInstance() {
        if (magic != MAGIC) {
            throw reject(GmmStatus.VERR_GMM_INSTANCE, "the GMM was terminated");
        }
    }

    private VmData registeredVm(int vm) {
        if (vm < 1 || vm > vms.size()) {
            throw reject(GmmStatus.VERR_INVALID_VM_HANDLE, "no VM has handle " + vm);
        }
        return vms.get(vm - 1);
    }

    private VmData liveVm(int vm) {
        checkInstance();
        VmData data = registeredVm(vm);
        if (data.cleanedUp) {
            throw reject(GmmStatus.VERR_INVALID_VM_HANDLE, "VM " + vm + " was cleaned up");
        }
        return data;
    }

    private static int checkPageCount(Account account, List<?> items) {
        if (account == null || items == null || items.isEmpty() || items.size() >= MAX_PAGES_PER_CALL) {
            throw reject(GmmStatus.VERR_INVALID_PARAMETER, "an account and 1 to 2^20-1 pages are needed");
        }
        return items.size();
    }

    private void checkGlobalLimit(long count) {
        if (count > pool.maxPages() - allocatedPages) {
            throw reject(
                    GmmStatus.VERR_GMM_HIT_GLOBAL_LIMIT,
                    count + " more pages, with " + allocatedPages + " allocated, exceed the host's " + pool.maxPages());
        }
    }

    private static void checkAccountLimit(VmData data, Account account, long count) {
        int a = account.ordinal();
        if (count > data.reserved[a] - data.allocated[a]) {
            throw reject(
                    GmmStatus.VERR_GMM_HIT_VM_ACCOUNT_LIMIT,
                    account + ": " + data.allocated[a] + " + " + count + " exceeds the reservation of "
                            + data.reserved[a]);
        }
    }

    private void checkPageId(Long pageId) {
        if (pageId == null || pageId < 0 || pageId > geometry.pageIdLast()) {
            throw reject(
                    GmmStatus.VERR_INVALID_PARAMETER,
                    "page id " + pageId + " is beyond the last page id " + "0x"
                            + Long.toHexString(geometry.pageIdLast()));
        }
    }

    /** The word of a page looked up from outside: a live instance, a valid page id, an existing chunk. */
    private long pageWord(long pageId) {
        checkInstance();
        checkPageId(pageId);
        return existingPage(pageId);
    }

    private long existingPage(long pageId) {
        return existingChunkOf(pageId).pages[geometry.indexOf(pageId)];
    }

    /** The chunk that holds a page (left in its TLB entry); refused when no chunk does. */
    private Chunk existingChunkOf(long pageId) {
        Chunk chunk = pool.find(geometry.chunkOf(pageId));
        if (chunk == null) {
            throw reject(GmmStatus.VERR_GMM_PAGE_NOT_FOUND, "no chunk holds page 0x" + Long.toHexString(pageId));
        }
        return chunk;
    }

    private Chunk existingChunk(long chunkId) {
        checkInstance();
        if (chunkId <= ChunkGeometry.NIL_ID || chunkId > geometry.chunkIdLast()) {
            throw reject(GmmStatus.VERR_INVALID_PARAMETER, "chunk id " + chunkId + " is NIL or beyond the last");
        }
        Chunk chunk = pool.find(chunkId);
        if (chunk == null) {
            throw reject(GmmStatus.VERR_GMM_CHUNK_NOT_FOUND, "no chunk has id " + chunkId);
        }
        return chunk;
    }

    private static ChunkInfo describe(Chunk chunk) {
        return new ChunkInfo(
                chunk.id, chunk.free, chunk.privateCount, chunk.sharedCount, chunk.affinity, chunk.dedicatedShared);
    }

    private static RejectedException reject(GmmStatus status, String message) {
        return new RejectedException(status, message);
    }
}
