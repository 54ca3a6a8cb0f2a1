package org.gmck.spi.pgm.phys;

/**
 * Which accesses to a page an access handler claims, as in the 2-bit physical and virtual handler fields
 * of seed 000's final per-page layout: {none, read, write, all}. The handlers themselves are not part of
 * this facet; a page without handlers reports {@link #NONE}.
 */
public enum HandlerState {
    NONE,
    READ,
    WRITE,
    ALL
}
