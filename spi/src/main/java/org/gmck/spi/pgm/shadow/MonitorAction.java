package org.gmck.spi.pgm.shadow;

/** What the monitor's page-fault handler did about a fault the guest took on the shadow tables. */
public enum MonitorAction {
    /** The guest's tables map the address but the shadow did not: the shadow entry was built from them. */
    SYNCED,
    /** A write hit a page still on the zero page: the page got a private page first. */
    ALLOCATED_ON_WRITE,
    /** A write hit a shared page: it was copied into a private page first. */
    COPIED_ON_WRITE,
    /** A write hit a write-monitored page: written-to was recorded and the page made writable. */
    WRITE_MONITOR_RECORDED,
    /** A write hit one of the guest's own page tables: it was carried out by the monitor and the shadow brought back in step. */
    PAGE_TABLE_WRITE_EMULATED,
    /** A write hit ROM: it was dropped. */
    ROM_WRITE_DROPPED,
    /** The shadow can never allow the access as the guest's tables do (for example a supervisor write to a read-only page with CR0.WP clear): it was carried out by the monitor. */
    EMULATED,
    /** The guest's own tables do not allow the access: the fault was handed to the guest. */
    REFLECTED_TO_GUEST,
    /** An access handler claims the access: it was called, then the access was carried out. */
    HANDLER_INVOKED
}
