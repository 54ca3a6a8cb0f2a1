package org.gmck.reference.pgm.shadow;

import org.gmck.spi.pgm.phys.HandlerState;
import org.gmck.spi.x86.AccessKind;

/**
 * Lets access handlers see the guest accesses they claim. The monitor's fault handler asks, once the guest's
 * tables allow an access, which handler state is in force for it; a claimed access goes to the handlers
 * before it is carried out, and a synced shadow entry never lets a claimed access through without a fault.
 */
public interface AccessInterceptor {

    /** No handlers. */
    AccessInterceptor NONE = new AccessInterceptor() {
        @Override
        public HandlerState claim(long linear, long gcPhysPage) {
            return HandlerState.NONE;
        }

        @Override
        public void invoke(long linear, long gcPhys, AccessKind kind) {}

        @Override
        public void guestTablesChanged() {}
    };

    /**
     * The handler state in force for an access through {@code linear} to the guest page {@code gcPhysPage}:
     * {@link HandlerState#WRITE} makes writes go to the handlers (the shadow maps the page read-only),
     * {@link HandlerState#ALL} every access (the shadow does not map the page).
     */
    HandlerState claim(long linear, long gcPhysPage);

    /** The handlers claiming an access through {@code linear} to {@code gcPhys} are called. */
    void invoke(long linear, long gcPhys, AccessKind kind);

    /** A write hit a guest paging structure: the guest's translations may have changed. */
    void guestTablesChanged();
}
