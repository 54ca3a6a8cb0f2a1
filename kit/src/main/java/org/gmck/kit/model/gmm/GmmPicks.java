package org.gmck.kit.model.gmm;

import java.util.ArrayList;
import java.util.List;
import org.gmck.spi.gmm.PageState;

/**
 * Picks the pages an operation names from the model's state, by the generated numbers: the acting VM's
 * private pages, other VMs' pages, shared pages, and bad ids of every kind the catalogue refuses.
 */
final class GmmPicks {

    /** Kinds of page that a request must be refused for, or that are not what the path wants. */
    enum Bad {
        NIL,
        ABOVE_LAST,
        LAST,
        NEVER_CREATED,
        GIVEN_BACK,
        FREED_OWN,
        NEVER_ALLOCATED,
        OTHER_VMS,
        SHARED,
        OWN_PRIVATE,
        FREED_SHARED
    }

    private final GmmModelState m;

    GmmPicks(GmmModelState m) {
        this.m = m;
    }

    static <T> T pick(List<T> items, int n) {
        return items.get(Math.floorMod(n, items.size()));
    }

    /** The VM's private pages, ascending. */
    List<Long> ownPrivate(ModelVm vm) {
        return vm == null ? List.of() : vm.accountOf.keySet().stream().sorted().toList();
    }

    PageRef own(ModelVm vm, long id) {
        return new PageRef(id, PageRef.Kind.OWN, null, vm.number(id));
    }

    PageRef ofVm(ModelVm owner, long id) {
        return new PageRef(id, PageRef.Kind.OTHER, owner.name, owner.number(id));
    }

    PageRef shared(long id) {
        return new PageRef(id, PageRef.Kind.SHARED, null, m.sharedPages.lastIndexOf(id) + 1);
    }

    /** Shared pages that are still shared, in the order they were shared. */
    List<Long> liveShared() {
        return m.sharedPages.stream()
                .distinct()
                .filter(id -> m.stateOf(id).orElse(null) == PageState.SHARED)
                .toList();
    }

    /** A page of a kind that the request must be refused for (or falls back to a page in no chunk). */
    PageRef bad(Bad kind, int n, ModelVm actor) {
        switch (kind) {
            case NIL:
                return PageRef.raw(0);
            case ABOVE_LAST:
                return PageRef.raw(
                        n % 2 == 0 || m.g.pageIdLast() >= 0xFFFF_FFF0L ? m.g.pageIdLast() + 1 : 0xFFFF_FFFFL);
            case LAST:
                return PageRef.raw(m.g.pageIdLast());
            case GIVEN_BACK: {
                List<PageRef> gone = new ArrayList<>();
                for (ModelVm vm : m.vms) {
                    for (long id : vm.pages) {
                        if (m.released.contains(m.g.chunkOf(id))) {
                            gone.add(vm == actor ? own(vm, id) : ofVm(vm, id));
                        }
                    }
                }
                if (!gone.isEmpty()) {
                    return pick(gone, n);
                }
                return neverCreated(n);
            }
            case FREED_OWN: {
                if (actor != null) {
                    List<Long> freed = actor.pages.stream()
                            .distinct()
                            .filter(id -> m.stateOf(id).orElse(null) == PageState.FREE)
                            .toList();
                    if (!freed.isEmpty()) {
                        return own(actor, pick(freed, n));
                    }
                }
                return bad(Bad.NEVER_ALLOCATED, n, actor);
            }
            case NEVER_ALLOCATED: {
                List<ModelChunk> withFree =
                        m.chunks.values().stream().filter(c -> c.free > 0).toList();
                if (!withFree.isEmpty()) {
                    ModelChunk c = pick(withFree, n);
                    return PageRef.raw(m.g.pageId(c.id, c.lifo.peekLast()));
                }
                return neverCreated(n);
            }
            case OTHER_VMS: {
                List<PageRef> others = new ArrayList<>();
                for (ModelVm vm : m.vms) {
                    if (vm != actor) {
                        ownPrivate(vm).forEach(id -> others.add(ofVm(vm, id)));
                    }
                }
                return others.isEmpty() ? neverCreated(n) : pick(others, n);
            }
            case SHARED: {
                List<Long> live = liveShared();
                return live.isEmpty() ? bad(Bad.OTHER_VMS, n, actor) : shared(pick(live, n));
            }
            case OWN_PRIVATE: {
                List<Long> own = ownPrivate(actor);
                return own.isEmpty() ? bad(Bad.OTHER_VMS, n, actor) : own(actor, pick(own, n));
            }
            case FREED_SHARED: {
                List<Long> freed = m.sharedPages.stream()
                        .distinct()
                        .filter(id -> m.stateOf(id).orElse(null) == PageState.FREE)
                        .toList();
                return freed.isEmpty() ? bad(Bad.NEVER_ALLOCATED, n, actor) : shared(pick(freed, n));
            }
            default:
                return neverCreated(n);
        }
    }

    /** A valid page id of a chunk id no chunk was ever given. */
    PageRef neverCreated(int n) {
        long chunk = m.prevChunkId + 2 + Math.floorMod(n, 3);
        return PageRef.raw(m.g.pageId(chunk, Math.floorMod(n * 37, m.g.pages())));
    }
}
