package org.gmck.spi.largepage;

/**
 * A present shadow (or nested) page-table entry.
 *
 * @param address  the first guest address the entry translates (guest-virtual under shadow paging,
 *                 guest-physical under nested paging), aligned to the entry size
 * @param gpa      the first guest-physical address it maps to
 * @param size     4 KB or 2 MB
 * @param writable whether the entry allows writes
 */
public record ShadowEntry(long address, long gpa, MappingSize size, boolean writable) {}
