package org.gmck.kit.model.gmm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.gmck.spi.gmm.Account;
import org.gmck.spi.gmm.GmmIntrospection.FreeSetKind;
import org.gmck.spi.gmm.OcPolicy;
import org.gmck.spi.gmm.PageState;
import org.gmck.spi.gmm.Priority;

/**
 * The model of one GMM, written from the catalogue: chunks with their pages and free LIFOs, the two free sets,
 * the VMs, and the counters derived from them. It knows the rules' transitions (which page an allocation
 * takes, what freeing, sharing and cleanup change); the session decides what to do when the catalogue leaves
 * a choice to the implementation (then it follows the adapter).
 */
final class GmmModelState {

    /** The handle the kit's steps give VM X, which was never registered. */
    static final int NEVER_HANDED_OUT = 0x7FFF;

    final ModelGeometry g;
    final boolean legacy;
    final int maxChunks;
    final long hostPages;
    final TreeMap<Long, ModelChunk> chunks = new TreeMap<>();
    private final Map<FreeSetKind, List<List<Long>>> lists = new EnumMap<>(FreeSetKind.class);
    final List<ModelVm> vms = new ArrayList<>();
    /** The pages shared in the sequence, in order: shared page K is {@code sharedPages.get(K - 1)}. */
    final List<Long> sharedPages = new ArrayList<>();
    /** Chunks given back to the host. */
    final Set<Long> released = new HashSet<>();
    /** The chunk id handed out last (GMM-ID-10). */
    long prevChunkId;

    long leftBehind;
    /** False once the last VM's cleanup flushed everything: the catalogue leaves the count after that open. */
    boolean leftBehindKnown = true;

    boolean terminated;
    /**
     * The last guest frame a private page records and the value that marks none, as the adapter's declared
     * reading of gmm.unknown-guest-frame has them (GMM-STATE-2, -3): later VirtualBox's by default.
     */
    long pfnLast = ModelGeometry.PFN_LAST;

    long noFrame = ModelGeometry.UNSHAREABLE;
    /** Whether a frame beyond {@link #pfnLast} is refused (later VirtualBox) or recorded as none (seed 000). */
    boolean refusesWideFrames = true;

    /** Host frame to the handed-out page it backs (GMM-STATE-8). */
    final Map<Long, Long> frames = new HashMap<>();
    /** Chunks linked onto a list (at its head) during the current operation, in order. */
    final List<Long> joined = new ArrayList<>();

    GmmModelState(ModelGeometry g, boolean legacy, int room) {
        this.g = g;
        this.legacy = legacy;
        this.maxChunks = room;
        this.hostPages = (long) room * g.pages();
        for (FreeSetKind kind : FreeSetKind.values()) {
            List<List<Long>> set = new ArrayList<>();
            for (int i = 0; i < g.lists(); i++) {
                set.add(new ArrayList<>());
            }
            lists.put(kind, set);
        }
    }

    // ---- look-ups

    ModelChunk chunkOf(long pageId) {
        return chunks.get(g.chunkOf(pageId));
    }

    /** The page's state, or empty when no chunk holds it. */
    Optional<PageState> stateOf(long pageId) {
        ModelChunk c = pageId > g.pageIdLast() ? null : chunkOf(pageId);
        return c == null ? Optional.empty() : Optional.of(c.state[g.indexOf(pageId)]);
    }

    ModelVm vm(int handle) {
        for (ModelVm vm : vms) {
            if (vm.handle == handle) {
                return vm;
            }
        }
        return null;
    }

    ModelVm vmNamed(String name) {
        return vms.stream().filter(v -> v.name.equals(name)).findFirst().orElse(null);
    }

    List<ModelVm> remaining() {
        return vms.stream().filter(ModelVm::live).toList();
    }

    /** Handed-out pages: private and shared, ascending. */
    List<Long> handedOut() {
        List<Long> ids = new ArrayList<>();
        for (ModelChunk c : chunks.values()) {
            for (int i = 0; i < g.pages(); i++) {
                if (c.state[i] != PageState.FREE) {
                    ids.add(g.pageId(c.id, i));
                }
            }
        }
        return ids;
    }

    List<List<Long>> lists(FreeSetKind kind) {
        List<List<Long>> copy = new ArrayList<>();
        lists.get(kind).forEach(l -> copy.add(List.copyOf(l)));
        return copy;
    }

    long setPages(FreeSetKind kind) {
        return chunks.values().stream()
                .filter(c -> c.set() == kind)
                .mapToLong(c -> c.free)
                .sum();
    }

    // ---- counters (GmmStatistics)

    long allocatedPages() {
        return chunks.values().stream()
                .mapToLong(c -> c.privatePages + c.sharedPages)
                .sum();
    }

    long sharedPageCount() {
        return chunks.values().stream().mapToLong(c -> c.sharedPages).sum();
    }

    long duplicates() {
        long dup = 0;
        for (ModelChunk c : chunks.values()) {
            for (int i = 0; i < g.pages(); i++) {
                if (c.state[i] == PageState.SHARED) {
                    dup += c.refs[i] - 1;
                }
            }
        }
        return dup;
    }

    long freePages() {
        return chunks.values().stream().mapToLong(c -> c.free).sum();
    }

    long reservedPages() {
        return vms.stream()
                .filter(v -> v.reserved && v.live())
                .mapToLong(ModelVm::reservedTotal)
                .sum();
    }

    long registeredVms() {
        return vms.stream().filter(v -> v.reserved && v.live()).count();
    }

    /** Reservations of the live NO_OC VMs other than {@code except} (GMM-RES-12, GMM-RES-13). */
    long noOcReserved(ModelVm except) {
        return vms.stream()
                .filter(v -> v != except && v.live() && v.reserved && v.policy == OcPolicy.NO_OC)
                .mapToLong(ModelVm::reservedTotal)
                .sum();
    }

    // ---- allocation order (interpretation I-GMM-5)

    /** Which step of the allocation order the next page comes from. */
    enum Step {
        OWN,
        EMPTY,
        OTHER,
        NEW,
        LEGACY,
        NONE
    }

    /**
     * Where the next page of a VM's request may come from: the chunks the order allows (one, unless the
     * catalogue leaves the choice open) or a new chunk with the next id.
     */
    record Choice(Step step, List<ModelChunk> chunks, long newId) {}

    Choice choose(ModelVm vm) {
        if (legacy) {
            List<ModelChunk> own = chunks.values().stream()
                    .filter(c -> !c.sharedChunk && c.affinity == vm.handle && c.free > 0)
                    .toList();
            return new Choice(own.isEmpty() ? Step.NONE : Step.LEGACY, own, 0);
        }
        for (List<Long> list : lists.get(FreeSetKind.PRIVATE)) {
            for (long id : list) {
                if (chunks.get(id).affinity == vm.handle) {
                    return new Choice(Step.OWN, List.of(chunks.get(id)), 0);
                }
            }
        }
        List<ModelChunk> empty = chunks.values().stream()
                .filter(c -> !c.sharedChunk && c.completelyFree())
                .toList();
        if (!empty.isEmpty()) {
            return new Choice(Step.EMPTY, empty, 0);
        }
        for (List<Long> list : lists.get(FreeSetKind.PRIVATE)) {
            if (!list.isEmpty()) {
                return new Choice(Step.OTHER, List.of(chunks.get(list.get(0))), 0);
            }
        }
        if (chunks.size() < maxChunks) {
            return new Choice(Step.NEW, List.of(), nextChunkId());
        }
        return new Choice(Step.NONE, List.of(), 0);
    }

    /** Pages a private allocation can still reach: free pages of chunks of private pages and new chunks. */
    long privateRoom() {
        long free = chunks.values().stream()
                .filter(c -> !c.sharedChunk)
                .mapToLong(c -> c.free)
                .sum();
        return free + (long) (maxChunks - chunks.size()) * g.pages();
    }

    /** Free pages in the chunks a VM seeded (legacy mode). */
    long seededRoom(ModelVm vm) {
        return chunks.values().stream()
                .filter(c -> !c.sharedChunk && c.affinity == vm.handle)
                .mapToLong(c -> c.free)
                .sum();
    }

    /** Free pages in chunks of shared pages. */
    long sharedChunkRoom() {
        return chunks.values().stream()
                .filter(c -> c.sharedChunk)
                .mapToLong(c -> c.free)
                .sum();
    }

    long nextChunkId() {
        long id = prevChunkId + 1;
        while (chunks.containsKey(id)) {
            id++;
        }
        return id;
    }

    // ---- transitions

    ModelChunk createChunk(boolean shared, boolean seeded, int affinity) {
        long id = nextChunkId();
        prevChunkId = id;
        ModelChunk c = new ModelChunk(id, g.pages(), shared, seeded, affinity);
        chunks.put(id, c);
        link(c);
        return c;
    }

    /** Takes the head of the chunk's free LIFO for a VM's private page. */
    long allocate(ModelChunk c, ModelVm vm, long pfn, Account account) {
        int index = c.lifo.removeFirst();
        c.state[index] = PageState.PRIVATE;
        c.owner[index] = vm.handle;
        c.pfn[index] = pfn < 0 || pfn > pfnLast ? noFrame : pfn;
        c.free--;
        c.privatePages++;
        relink(c);
        long id = g.pageId(c.id, index);
        vm.allocated[account.ordinal()]++;
        vm.privatePages++;
        vm.pages.add(id);
        vm.accountOf.put(id, account);
        vm.touched.add(c.id);
        return id;
    }

    /** Puts a page on the head of its chunk's free LIFO, not zeroed (GMM-LIFO-2, GMM-LAYOUT-14). */
    private void push(ModelChunk c, int index) {
        long id = g.pageId(c.id, index);
        if (c.host[index] != ModelChunk.HOST_UNKNOWN) {
            frames.remove(c.host[index], id);
            c.host[index] = ModelChunk.HOST_UNKNOWN;
        }
        c.state[index] = PageState.FREE;
        c.owner[index] = 0;
        c.pfn[index] = 0;
        c.refs[index] = 0;
        c.zeroed[index] = 0;
        c.lifo.addFirst(index);
        c.free++;
    }

    /** Frees a private page of its owner (the caller takes it off the account it names). */
    void freePrivate(long pageId) {
        ModelChunk c = chunkOf(pageId);
        int index = g.indexOf(pageId);
        ModelVm owner = vm(c.owner[index]);
        push(c, index);
        c.privatePages--;
        relink(c);
        owner.privatePages--;
        owner.accountOf.remove(pageId);
    }

    /** Takes the head of a chunk of shared pages for a new shared page with one reference held by the VM. */
    long share(ModelChunk target, ModelVm vm) {
        int index = target.lifo.removeFirst();
        target.state[index] = PageState.SHARED;
        target.refs[index] = 1;
        target.free--;
        target.sharedPages++;
        relink(target);
        long id = g.pageId(target.id, index);
        vm.sharedRefs++;
        vm.held.merge(id, 1L, Long::sum);
        sharedPages.add(id);
        return id;
    }

    void use(long sharedId, ModelVm vm) {
        ModelChunk c = chunkOf(sharedId);
        c.refs[g.indexOf(sharedId)]++;
        vm.allocated[Account.BASE.ordinal()]++;
        vm.sharedRefs++;
        vm.held.merge(sharedId, 1L, Long::sum);
    }

    /** Drops one of the VM's references; returns whether the page was freed. */
    boolean release(long sharedId, ModelVm vm) {
        ModelChunk c = chunkOf(sharedId);
        int index = g.indexOf(sharedId);
        vm.allocated[Account.BASE.ordinal()]--;
        vm.sharedRefs--;
        if (vm.held.merge(sharedId, -1L, Long::sum) == 0) {
            vm.held.remove(sharedId);
        }
        if (--c.refs[index] > 0) {
            return false;
        }
        push(c, index);
        c.sharedPages--;
        relink(c);
        return true;
    }

    ModelVm register(String name, int handle) {
        ModelVm vm = new ModelVm(name, handle);
        vms.add(vm);
        return vm;
    }

    /** What a cleanup did, as the model has it. */
    record Cleanup(long freedPrivatePages, List<Long> releasedChunks, boolean lastVm, Set<Long> visited) {}

    /**
     * Cleans a VM up (interpretation I-GMM-8): its private pages go on their chunks' LIFOs from the highest index
     * down, its chunks lose their affinity, completely free chunks (in legacy mode: the chunks it seeded) go back
     * to the host, its shared references are left behind, and the last VM's cleanup flushes everything.
     */
    Cleanup cleanup(ModelVm vm) {
        long freed = vm.privatePages;
        Set<Long> visited = new HashSet<>(vm.touched);
        List<Long> seeded = new ArrayList<>();
        for (ModelChunk c : chunks.values()) {
            boolean had = false;
            for (int i = g.pages() - 1; i >= 0; i--) {
                if (c.state[i] == PageState.PRIVATE && c.owner[i] == vm.handle) {
                    push(c, i);
                    c.privatePages--;
                    had = true;
                }
            }
            if (had) {
                visited.add(c.id);
                relink(c);
            }
            if (c.seeded && c.affinity == vm.handle) {
                seeded.add(c.id);
            }
            if (c.affinity == vm.handle) {
                c.affinity = 0;
                visited.add(c.id);
            }
        }
        List<Long> release = new ArrayList<>();
        if (legacy) {
            release.addAll(seeded);
        } else {
            chunks.values().stream().filter(ModelChunk::completelyFree).forEach(c -> release.add(c.id));
        }
        leftBehind += vm.sharedRefs;
        vm.cleaned = true;
        vm.policy = OcPolicy.INVALID;
        vm.priority = Priority.INVALID;
        java.util.Arrays.fill(vm.reservation, 0);
        java.util.Arrays.fill(vm.allocated, 0);
        vm.privatePages = 0;
        vm.sharedRefs = 0;
        vm.held.clear();
        vm.accountOf.clear();
        boolean last = remaining().isEmpty();
        if (last) {
            chunks.keySet().stream().filter(id -> !release.contains(id)).forEach(release::add);
            leftBehindKnown = false;
            vms.forEach(v -> v.held.clear());
        }
        release.forEach(this::giveBack);
        return new Cleanup(freed, release.stream().sorted().toList(), last, visited);
    }

    void giveBack(long id) {
        ModelChunk c = chunks.remove(id);
        unlink(c);
        released.add(id);
        frames.values().removeIf(page -> g.chunkOf(page) == id);
    }

    // ---- free sets (interpretation I-GMM-4)

    private void link(ModelChunk c) {
        int list = g.bucket(c.free);
        c.list = list;
        if (list >= 0) {
            lists.get(c.set()).get(list).add(0, c.id);
            joined.add(c.id);
        }
    }

    private void unlink(ModelChunk c) {
        if (c.list >= 0) {
            lists.get(c.set()).get(c.list).remove(c.id);
        }
        c.list = -1;
    }

    /** Moves a chunk whose free count changed to the head of its new list, or leaves it in place. */
    void relink(ModelChunk c) {
        if (g.bucket(c.free) != c.list) {
            unlink(c);
            link(c);
        }
    }

    /** Takes the adapter's order of one list where the catalogue leaves it open (after a cleanup). */
    void adoptOrder(FreeSetKind kind, int list, List<Long> order) {
        List<Long> mine = lists.get(kind).get(list);
        mine.clear();
        mine.addAll(order);
    }
}
