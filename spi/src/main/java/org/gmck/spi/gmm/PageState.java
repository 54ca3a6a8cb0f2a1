package org.gmck.spi.gmm;

/** The state of a GMM page. */
public enum PageState {
    /** Backs one page of one VM. */
    PRIVATE,
    /** Read-only, copy-on-write, used by one or more VMs, reference counted. */
    SHARED,
    /** Used by no one; chained on its chunk's free LIFO. */
    FREE
}
