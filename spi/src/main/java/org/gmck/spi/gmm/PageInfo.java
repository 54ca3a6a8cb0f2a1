package org.gmck.spi.gmm;

/**
 * What the manager records about one page.
 *
 * @param state    the page state
 * @param owner    the owning VM handle for a private page, 0 otherwise
 * @param guestPfn the guest page frame number of a private page (the value that marks no guest frame when none was given), 0 otherwise
 * @param refs     the reference count of a shared page, 0 otherwise
 * @param hostPfn  the host page frame number of the page
 */
public record PageInfo(PageState state, int owner, long guestPfn, long refs, long hostPfn) {}
