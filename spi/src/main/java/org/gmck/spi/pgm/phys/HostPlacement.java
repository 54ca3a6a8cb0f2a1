package org.gmck.spi.pgm.phys;

/**
 * Which host pages the host hands a new guest memory, so that scenarios can see how a page record holds
 * host addresses near the top of its frame field and page ids with their high bits set. The first page the
 * host hands out lies at {@code firstHostPhys} and has page id {@code firstPageId}; each later one lies at
 * the next host page and has the next page id. Pages the VM gives back may be handed out again.
 *
 * @param firstHostPhys the host physical address of the first page handed out (page aligned)
 * @param firstPageId   the page id of the first page handed out
 */
public record HostPlacement(long firstHostPhys, int firstPageId) {}
