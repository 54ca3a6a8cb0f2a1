package org.gmck.spi.pgm.handler;

import java.util.List;
import java.util.OptionalLong;
import org.gmck.spi.pgm.shadow.ShadowVm;

/**
 * A shadow-paged VM with access handlers (seed 001, "Access Handlers" and "Virtual Access Handlers"; seed
 * 000, the 3rd step). A guest access a handler claims goes to the handler, which records the call, and is
 * then carried out (the handler's default action). Handler states show in the pages'
 * {@link org.gmck.spi.pgm.phys.PhysPage#physHandler()} and {@link org.gmck.spi.pgm.phys.PhysPage#virtHandler()},
 * and their effect on the shadow in {@link #shadowTranslation(long)}.
 *
 * <p>Refusals are {@link org.gmck.spi.common.RejectedException}s with a {@link HandlerStatus} and change nothing.
 */
public interface HandledVm extends ShadowVm {

    /**
     * Registers a physical handler over the whole guest pages from {@code gcPhysFirst} to the byte
     * {@code gcPhysLast}: the pages' physical handler states are raised to the kind and the shadow entries
     * mapping them are flushed.
     *
     * @return the handler's id
     * @throws org.gmck.spi.common.RejectedException {@link HandlerStatus#VERR_INVALID_PARAMETER},
     *         {@link HandlerStatus#VERR_PGM_HANDLER_PHYSICAL_NO_RAM_RANGE},
     *         {@link HandlerStatus#VERR_PGM_HANDLER_PHYSICAL_CONFLICT}
     */
    int registerPhysical(PhysHandlerKind kind, long gcPhysFirst, long gcPhysLast);

    /**
     * Registers a virtual handler over the whole linear pages from {@code first} to the byte {@code last}
     * (step 1). WRITE and ALL handlers flag a full resync that runs at the next SyncCR3, and at the latest
     * before the guest's next access; HYPERVISOR handlers flag nothing.
     *
     * @return the handler's id
     * @throws org.gmck.spi.common.RejectedException {@link HandlerStatus#VERR_INVALID_PARAMETER},
     *         {@link HandlerStatus#VERR_PGM_HANDLER_VIRTUAL_CONFLICT}
     */
    int registerVirtual(VirtHandlerKind kind, long first, long last);

    /**
     * Deregisters a handler (step 6 for virtual handlers).
     *
     * @throws org.gmck.spi.common.RejectedException {@link HandlerStatus#VERR_PGM_HANDLER_NOT_FOUND}
     */
    void deregister(int handler);

    /**
     * The calls the handler has received, oldest first (also after it was deregistered).
     *
     * @throws org.gmck.spi.common.RejectedException {@link HandlerStatus#VERR_PGM_HANDLER_NOT_FOUND} for an id never
     *         handed out
     */
    List<HandlerCall> calls(int handler);

    /** Whether a full resync (clear the shadow pool, sync CR3, update the virtual handler states) is pending. */
    boolean fullResyncPending();

    /**
     * The guest physical page a WRITE or ALL virtual handler last found behind the linear page of
     * {@code linear} (profile {@code pgm-introspection}): its physical-to-virtual translation cache; empty
     * when the guest did not map the page then, or before the first update.
     *
     * @throws org.gmck.spi.common.RejectedException {@link HandlerStatus#VERR_PGM_HANDLER_NOT_FOUND} for an unknown
     *         or HYPERVISOR handler, {@link HandlerStatus#VERR_INVALID_PARAMETER} for an address outside its range
     */
    OptionalLong cachedPhysical(int handler, long linear);
}
