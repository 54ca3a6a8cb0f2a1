package org.gmck.spi.pgm.handler;

/** Why a handler was called: a guest access it claims, or the guest changing the mapping of one of its pages. */
public enum HandlerEvent {
    READ,
    WRITE,
    FETCH,
    /** The page of a virtual handler's range was remapped or unmapped by the guest. */
    INVALIDATE
}
