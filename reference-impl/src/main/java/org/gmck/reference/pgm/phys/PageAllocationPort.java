package org.gmck.reference.pgm.phys;

/**
 * Where PGM gets host pages from and gives them back to: the global memory manager's side of the
 * allocation on write. Contents of a page handed out are all zero.
 */
public interface PageAllocationPort {

    /** How many more pages this VM may get. */
    long available();

    /** A fresh private page; the caller has checked {@link #available()}. */
    HostPage allocatePrivate();

    /** A fresh shared page; the caller has checked {@link #available()}. */
    HostPage allocateShared();

    /** Gives a page back to the host. */
    void free(HostPage page);
}
