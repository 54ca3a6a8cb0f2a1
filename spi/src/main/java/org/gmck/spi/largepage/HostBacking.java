package org.gmck.spi.largepage;

/** How the host memory behind a memory slot is allocated (seed 004: normal pages or HugeTLBfs). */
public enum HostBacking {
    /** Ordinary 4 KB host pages: no 2 MB frame of the slot can be shadowed large. */
    SMALL_PAGES,
    /** 2 MB host pages (HugeTLBfs): the slot's host address must be 2 MB aligned. */
    LARGE_PAGES
}
