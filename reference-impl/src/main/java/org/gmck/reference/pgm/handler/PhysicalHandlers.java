package org.gmck.reference.pgm.handler;

import java.util.Optional;
import org.gmck.reference.pgm.phys.PgmGuestMemory;
import org.gmck.spi.common.RejectedException;
import org.gmck.spi.pgm.handler.HandlerStatus;
import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.pgm.phys.HandlerState;
import org.gmck.spi.pgm.phys.PageType;
import org.gmck.spi.pgm.phys.PhysPage;

/**
 * The physical access handlers of one VM. Registering or deregistering one sets the physical handler state
 * of every page it covers, and the page's record change flushes the shadow entries that map the page
 * (seed 000, the 3rd step).
 */
final class PhysicalHandlers {

    private final PgmGuestMemory memory;
    private final RangeTree<PhysicalHandler> tree = new RangeTree<>(PhysicalHandler::range);

    PhysicalHandlers(PgmGuestMemory memory) {
        this.memory = memory;
    }

    /** Checks a new handler's range: guest RAM all through, and no other physical handler on it. */
    PageRange check(PhysHandlerKind kind, long first, long last) {
        if (kind == null) {
            throw new RejectedException(HandlerStatus.VERR_INVALID_PARAMETER, "a physical handler needs a kind");
        }
        PageRange range = PageRange.of(first, last);
        // Page by page as a long: a range may hold more pages than an int counts. Guest RAM is bounded, so the
        // walk stops at the first page outside it long before it could take long.
        for (long page = first; ; page += PageRange.PAGE_SIZE) {
            requireMemory(range, page);
            if (page == (last & ~PageRange.OFFSET_MASK)) {
                break;
            }
        }
        Optional<PhysicalHandler> other = tree.overlapping(range);
        if (other.isPresent()) {
            throw new RejectedException(
                    HandlerStatus.VERR_PGM_HANDLER_PHYSICAL_CONFLICT,
                    String.format(
                            "%s overlaps physical handler %d over %s",
                            range, other.get().id(), other.get().range()));
        }
        return range;
    }

    void register(PhysicalHandler handler) {
        tree.insert(handler);
        setStates(handler.range(), handler.state());
    }

    Optional<PhysicalHandler> find(int id) {
        return tree.all().stream().filter(h -> h.id() == id).findFirst();
    }

    void deregister(PhysicalHandler handler) {
        tree.remove(handler);
        setStates(handler.range(), HandlerState.NONE);
    }

    /** The handler covering the guest physical address, if any. */
    Optional<PhysicalHandler> at(long gcPhys) {
        return tree.at(gcPhys);
    }

    private void setStates(PageRange range, HandlerState state) {
        for (int i = 0; i < range.pages(); i++) {
            long page = range.page(i);
            memory.setHandlerStates(page, state, memory.page(page).virtHandler());
        }
    }

    private void requireMemory(PageRange range, long page) {
        PhysPage record;
        try {
            record = memory.page(page);
        } catch (RejectedException outside) {
            record = null;
        }
        if (record == null || record.type() == PageType.RESERVED) {
            throw new RejectedException(
                    HandlerStatus.VERR_PGM_HANDLER_PHYSICAL_NO_RAM_RANGE,
                    String.format("%s is not guest memory all through: nothing is registered at %#x", range, page));
        }
    }
}
