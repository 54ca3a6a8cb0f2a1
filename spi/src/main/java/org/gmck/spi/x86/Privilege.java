package org.gmck.spi.x86;

/** Who makes an access (Intel SDM Vol. 3A, 4.6 "Access Rights"). */
public enum Privilege {
    /** An access at CPL 3 that is not implicit. */
    USER,
    /** An explicit access at CPL 0, 1 or 2. */
    SUPERVISOR,
    /** An implicit access to a system structure (GDT, LDT, IDT, TSS) at any CPL; always a data access. */
    IMPLICIT_SUPERVISOR
}
