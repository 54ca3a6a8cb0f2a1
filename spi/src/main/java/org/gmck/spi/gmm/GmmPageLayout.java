package org.gmck.spi.gmm;

/** Which GMMPAGE layout: one 64-bit word per page on 64-bit hosts, one 32-bit word on 32-bit hosts. */
public enum GmmPageLayout {
    BITS64,
    BITS32
}
