package org.gmck.spi.x86;

/** What an access does with the byte at its linear address. */
public enum AccessKind {
    READ,
    WRITE,
    FETCH
}
