package org.gmck.spi.monitor;

import org.gmck.spi.common.Status;

/** Why a monitor call was refused. */
public enum MonitorStatus implements Status {
    /** A guest physical page number outside the guest's memory. */
    INVALID_GUEST_PAGE,
    /** The host's page array names a page twice, or a page that is not page aligned. */
    INVALID_HOST_PAGE,
    /** The host's page array is empty, or the guest has no pages. */
    NO_HOST_PAGES,
    /** A linear address that is not page aligned where a page is meant. */
    MISALIGNED_ADDRESS,
    /** The guest unmaps a linear page it does not map. */
    NOT_MAPPED,
    /** A descriptor table too large to leave room for the monitor's own entries (8192 entries in all). */
    TOO_MANY_DESCRIPTORS,
    /** A negative number of pages asked for under host memory pressure. */
    INVALID_PRESSURE
}
