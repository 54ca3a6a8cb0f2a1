package org.gmck.reference.pgm.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.handler.HandlerStatus;
import org.gmck.spi.pgm.handler.VirtHandlerKind;

/**
 * The virtual access handlers of one VM (seed 001, "Virtual Access Handlers"): WRITE and ALL handlers in
 * one range-keyed tree, HYPERVISOR handlers apart in their own. No linear byte belongs to two virtual
 * handlers, whatever their trees.
 */
final class VirtualHandlers {

    /** The most pages one virtual handler may cover: its translation cache is one long per page. */
    static final int MAX_PAGES = 0x1_0000;

    private static final int CANONICAL_SHIFT = 47;

    private final RangeTree<VirtualHandler> handlers = new RangeTree<>(VirtualHandler::range);
    private final RangeTree<VirtualHandler> hypervisor = new RangeTree<>(VirtualHandler::range);

    /** Checks a new handler's range: whole canonical pages in one half, not too many, no overlap. */
    PageRange check(VirtHandlerKind kind, long first, long last) {
        if (kind == null) {
            throw new RejectedException(HandlerStatus.VERR_INVALID_PARAMETER, "a virtual handler needs a kind");
        }
        PageRange range = PageRange.of(first, last);
        if (first >> CANONICAL_SHIFT != last >> CANONICAL_SHIFT
                || !canonical(first)
                || (last - first) >>> PageRange.PAGE_SHIFT >= MAX_PAGES) {
            throw new RejectedException(
                    HandlerStatus.VERR_INVALID_PARAMETER,
                    String.format(
                            "%s must lie in one canonical half of the linear address space and cover at most %d pages",
                            range, MAX_PAGES));
        }
        for (RangeTree<VirtualHandler> tree : List.of(handlers, hypervisor)) {
            Optional<VirtualHandler> other = tree.overlapping(range);
            if (other.isPresent()) {
                throw new RejectedException(
                        HandlerStatus.VERR_PGM_HANDLER_VIRTUAL_CONFLICT,
                        String.format(
                                "%s overlaps virtual handler %d over %s",
                                range, other.get().id(), other.get().range()));
            }
        }
        return range;
    }

    void register(VirtualHandler handler) {
        treeOf(handler).insert(handler);
    }

    void deregister(VirtualHandler handler) {
        treeOf(handler).remove(handler);
    }

    Optional<VirtualHandler> find(int id) {
        List<VirtualHandler> all = new ArrayList<>(handlers.all());
        all.addAll(hypervisor.all());
        return all.stream().filter(h -> h.id() == id).findFirst();
    }

    /** The WRITE or ALL handlers. */
    List<VirtualHandler> physical() {
        return handlers.all();
    }

    /** The WRITE or ALL handler whose range holds {@code linear}. */
    Optional<VirtualHandler> at(long linear) {
        return handlers.at(linear);
    }

    /** The HYPERVISOR handler whose range holds {@code linear}. */
    Optional<VirtualHandler> hypervisorAt(long linear) {
        return hypervisor.at(linear);
    }

    private RangeTree<VirtualHandler> treeOf(VirtualHandler handler) {
        return handler.kind() == VirtHandlerKind.HYPERVISOR ? hypervisor : handlers;
    }

    private static boolean canonical(long linear) {
        long top = linear >> CANONICAL_SHIFT;
        return top == 0 || top == -1;
    }
}
