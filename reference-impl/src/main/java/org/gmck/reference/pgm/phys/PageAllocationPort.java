package org.gmck.reference.pgm.phys;

/**
 * Where PGM gets host pages from and gives them back to: the global memory manager's side of allocation
 * on write and of page sharing. Contents of a page handed out are all zero.
 */
public interface PageAllocationPort {

    /** How many more pages this VM may get. */
    long available();

    /** A fresh private page; the caller has checked {@link #available()}. */
    HostPage allocatePrivate();

    /**
     * Turns a private page into a shared one and returns the shared page; the private page is gone
     * afterwards. The caller has checked {@link #available()}, since the shared page may need a new one.
     */
    HostPage share(HostPage privatePage);

    /** Drops this VM's reference to a shared page. */
    void releaseShared(HostPage page);
}
