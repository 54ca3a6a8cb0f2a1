package org.gmck.spi.monitor;

/**
 * A present entry of the monitor page tables.
 *
 * @param hostPage the host physical address of the page it maps
 * @param writable whether it allows writes
 * @param user     whether it allows user-mode accesses
 */
public record MonitorEntry(long hostPage, boolean writable, boolean user) {}
