package org.gmck.spi.pgm.context;

/**
 * Where the world-switcher code is: its host physical address, the address the host maps it at, and the
 * hypervisor address it is mapped at in the guest context.
 *
 * @param physAddress       host physical address of its first page
 * @param hostAddress       the host's virtual address of it
 * @param hypervisorAddress its address in the hypervisor (guest-context) area
 * @param pages             its size in pages
 */
public record SwitcherPlacement(long physAddress, long hostAddress, long hypervisorAddress, int pages) {}
