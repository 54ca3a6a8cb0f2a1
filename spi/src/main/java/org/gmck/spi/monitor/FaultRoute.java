package org.gmck.spi.monitor;

/** Where a guest access went (seed 003, the monitor's page-fault handler). */
public enum FaultRoute {
    /** The monitor tables allowed it: the access ran without a fault. */
    RAN,
    /** The guest's own tables do not allow it: the fault was forwarded to the guest's page-fault handler. */
    GUEST_FAULT,
    /** The guest's tables allow it but the monitor's did not map the page: the monitor switched to the host, which supplied the page, mapped it, and resumed the access. */
    HOST_FAULT
}
