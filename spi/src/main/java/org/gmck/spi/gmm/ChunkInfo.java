package org.gmck.spi.gmm;

/**
 * What the manager records about one chunk.
 *
 * @param chunkId      the chunk id
 * @param free         free pages
 * @param privatePages private pages
 * @param sharedPages  shared pages
 * @param affinity     the VM handle the chunk is associated with (hGVM), 0 for none
 * @param sharedChunk  whether the chunk is dedicated to shared pages
 */
public record ChunkInfo(long chunkId, int free, int privatePages, int sharedPages, int affinity, boolean sharedChunk) {}
