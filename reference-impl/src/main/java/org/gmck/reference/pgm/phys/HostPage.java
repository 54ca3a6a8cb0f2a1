package org.gmck.reference.pgm.phys;

/**
 * A page the host hands to a VM.
 *
 * @param pageId   its global page id (28 bits)
 * @param hostPhys its host physical address
 */
public record HostPage(int pageId, long hostPhys) {}
