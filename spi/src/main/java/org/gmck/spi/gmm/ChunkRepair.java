package org.gmck.spi.gmm;

/**
 * A chunk whose statistics did not match its pages when cleanup recounted them, and was corrected.
 *
 * @param chunkId         the chunk
 * @param recordedFree    free count found
 * @param countedFree     free count recounted (now recorded)
 * @param recordedPrivate private count found
 * @param countedPrivate  private count recounted
 * @param recordedShared  shared count found
 * @param countedShared   shared count recounted
 */
public record ChunkRepair(
        long chunkId,
        int recordedFree,
        int countedFree,
        int recordedPrivate,
        int countedPrivate,
        int recordedShared,
        int countedShared) {}
