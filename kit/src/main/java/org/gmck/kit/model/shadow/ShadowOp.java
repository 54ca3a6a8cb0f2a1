package org.gmck.kit.model.shadow;

import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.x86.AccessKind;

/** One operation of the shadow model: a guest table write, a control-register load, a guest access, a handler call. */
sealed interface ShadowOp {

    /** The guest's rights on a leaf, as scenarios write them. */
    record Rights(boolean writable, boolean user, boolean noExecute, boolean dirty) {

        String text() {
            return (writable ? "writable" : "read-only")
                    + (user ? " user" : " supervisor")
                    + (noExecute ? " no-execute" : "")
                    + (dirty ? " dirty" : "");
        }
    }

    /** The guest (re)writes the 4 KB entry of a slot, present, pointing at {@code gcPhys}. */
    record MapPage(int slot, long gcPhys, Rights rights) implements ShadowOp {}

    /** The guest (re)writes its large-page entry. */
    record MapLarge(long gcPhys, Rights rights) implements ShadowOp {}

    /** The guest clears the present bit of a slot's 4 KB entry, or of its large-page entry. */
    record Unmap(int view) implements ShadowOp {}

    /** The guest loads CR3 with its own top-level table. */
    record LoadCr3() implements ShadowOp {}

    /** The guest loads CR3 with a table outside RAM or on MMIO (refused). */
    record BadCr3(boolean mmio) implements ShadowOp {}

    /** INVLPG of one of the views. */
    record Invlpg(int view, long offset) implements ShadowOp {}

    /** SyncCR3. */
    record SyncCr3() implements ShadowOp {}

    /** A guest access of 8 bytes (1 for a fetch) at an offset of one of the views. */
    record Access(int view, long offset, AccessKind kind, boolean user, long value) implements ShadowOp {}

    /** A guest access with a bad width or alignment (refused). */
    record BadAccess(int view, AccessKind kind, int width, long offset) implements ShadowOp {}

    /** Page fusion shares a data page. */
    record Share(int page) implements ShadowOp {}

    /** Write monitoring is armed. */
    record ArmMonitoring() implements ShadowOp {}

    /** A physical handler over whole pages. */
    record RegisterPhysical(PhysHandlerKind kind, int page, int pages) implements ShadowOp {}

    /** The shapes of a refused physical range. */
    enum BadShape {
        REVERSED,
        SINGLE_BYTE,
        UNALIGNED_START,
        UNALIGNED_END,
        OVERLAP_BELOW,
        OVERLAP_ABOVE,
        IDENTICAL,
        CROSSES_RAM_END,
        BEYOND_RAM
    }

    /** A physical handler over a range the catalogue refuses. */
    record RegisterBadPhysical(PhysHandlerKind kind, BadShape shape, int page) implements ShadowOp {}

    /** Deregisters one of the handlers handed out so far (again, when it is gone). */
    record Deregister(int pick) implements ShadowOp {}

    /** Deregisters, or asks for the calls of, an id never handed out. */
    record UnknownHandler(boolean calls) implements ShadowOp {}
}
