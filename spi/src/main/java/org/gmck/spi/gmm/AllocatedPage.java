package org.gmck.spi.gmm;

/**
 * A page handed to a VM.
 *
 * @param pageId  the GMM page id, {@code (idChunk << chunkIdShift) | iPage}
 * @param hostPfn the host page frame number backing it
 */
public record AllocatedPage(long pageId, long hostPfn) {}
