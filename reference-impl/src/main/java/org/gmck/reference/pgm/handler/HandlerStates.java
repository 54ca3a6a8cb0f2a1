package org.gmck.reference.pgm.handler;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gmck.reference.pgm.phys.PgmGuestMemory;
import org.gmck.spi.pgm.phys.HandlerState;

/**
 * Writes the virtual handler states into the page records: a page reset to NONE when its translation
 * changed (step 2a) or its handler went (step 6), and the virtual bit update that raises every covered page
 * to the highest state over the handlers whose caches hold it (step 2b).
 */
final class HandlerStates {

    private static final HandlerState[] STATES = HandlerState.values();

    private final PgmGuestMemory memory;

    HandlerStates(PgmGuestMemory memory) {
        this.memory = memory;
    }

    /** Sets the page's virtual handler state to NONE, keeping its physical one. */
    void reset(long gcPhysPage) {
        set(gcPhysPage, HandlerState.NONE);
    }

    /** Step 2b: every page in a cache gets the highest state over the handlers caching it. */
    void update(List<VirtualHandler> handlers) {
        Map<Long, HandlerState> highest = new HashMap<>();
        for (VirtualHandler handler : handlers) {
            for (int i = 0; i < handler.pages(); i++) {
                long page = handler.cached(i);
                if (page != VirtualHandler.NIL) {
                    highest.merge(page, handler.state(), HandlerStates::max);
                }
            }
        }
        highest.forEach(this::set);
    }

    private void set(long gcPhysPage, HandlerState virt) {
        if (memory.page(gcPhysPage).virtHandler() != virt) {
            memory.setHandlerStates(gcPhysPage, memory.page(gcPhysPage).physHandler(), virt);
        }
    }

    static HandlerState max(HandlerState a, HandlerState b) {
        return STATES[Math.max(a.ordinal(), b.ordinal())];
    }
}
