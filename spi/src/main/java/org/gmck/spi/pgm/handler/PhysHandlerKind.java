package org.gmck.spi.pgm.handler;

/**
 * What a physical access handler claims on the guest physical pages it covers: WRITE handlers see every
 * write, ALL handlers every access. A page's physical handler state is the highest kind covering it.
 */
public enum PhysHandlerKind {
    WRITE,
    ALL
}
