package org.gmck.spi.pgm.phys;

/**
 * PGM's per-VM page statistics.
 *
 * @param zero      pages backed by the zero page
 * @param privately pages backed by a private page (normal or write-monitored)
 * @param shared    pages backed by a shared page
 * @param monitored pages currently write-monitored
 * @param writtenTo write-monitored pages that have been written to since monitoring was armed
 */
public record PageCounts(long zero, long privately, long shared, long monitored, long writtenTo) {}
