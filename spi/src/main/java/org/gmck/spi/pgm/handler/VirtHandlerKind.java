package org.gmck.spi.pgm.handler;

/**
 * The three kinds of virtual access handler (seed 001, "Virtual Access Handlers"): WRITE and ALL handlers
 * watch a range of guest linear addresses and, through the guest's tables, the guest physical pages behind
 * it; HYPERVISOR handlers watch writes to a linear range only and never touch physical pages.
 */
public enum VirtHandlerKind {
    WRITE,
    ALL,
    HYPERVISOR
}
