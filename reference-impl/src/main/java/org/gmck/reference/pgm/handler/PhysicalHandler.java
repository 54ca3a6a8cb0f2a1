package org.gmck.reference.pgm.handler;

import org.gmck.spi.pgm.handler.PhysHandlerKind;
import org.gmck.spi.pgm.phys.HandlerState;

/** A registered physical access handler over whole guest physical pages. */
record PhysicalHandler(int id, PhysHandlerKind kind, PageRange range) {

    /** The page state the handler's kind stands for. */
    HandlerState state() {
        return kind == PhysHandlerKind.ALL ? HandlerState.ALL : HandlerState.WRITE;
    }
}
