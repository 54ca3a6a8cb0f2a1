package org.gmck.spi.pgm.handler;

import org.gmck.spi.common.Status;

/** Why an access-handler call was refused, named after VirtualBox's status codes. */
public enum HandlerStatus implements Status {
    /** A range is empty or reversed, not whole pages, not canonical, or a kind is missing. */
    VERR_INVALID_PARAMETER,
    /** A physical range overlaps a registered physical handler. */
    VERR_PGM_HANDLER_PHYSICAL_CONFLICT,
    /**
     * A linear range overlaps a registered virtual handler of its own tree (WRITE and ALL together, HYPERVISOR
     * apart), or of any kind under the reading {@code pgm.hypervisor-handler-overlap = refused}.
     */
    VERR_PGM_HANDLER_VIRTUAL_CONFLICT,
    /** No registered handler has this id (never registered, or already deregistered). */
    VERR_PGM_HANDLER_NOT_FOUND,
    /** A physical range is not entirely guest RAM (some page lies in no registered range). */
    VERR_PGM_HANDLER_PHYSICAL_NO_RAM_RANGE
}
