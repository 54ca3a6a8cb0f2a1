package org.gmck.spi.gmm;

/** The reservation accounts of a VM (GMMACCOUNT): RAM and ROM, the shadow page pool, MMIO2 and hypervisor heap. */
public enum Account {
    BASE,
    SHADOW,
    FIXED
}
