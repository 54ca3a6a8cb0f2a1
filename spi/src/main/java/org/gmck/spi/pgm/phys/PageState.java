package org.gmck.spi.pgm.phys;

/**
 * The state of a guest page's backing, in the order of the 2-bit state field of seed 000's per-page
 * layouts: {zero, shared, normal, write monitored}.
 */
public enum PageState {
    /** Backed by the per-VM zero page, read-only; nothing allocated yet. */
    ZERO,
    /** Backed by a page shared with other guest pages or VMs, read-only; a write copies it first. */
    SHARED,
    /** Backed by a private page of this VM ("normal" in seed 000, ALLOCATED in later VirtualBox). */
    ALLOCATED,
    /** A private page whose writes are watched: the first write records written-to and makes it normal. */
    WRITE_MONITORED
}
