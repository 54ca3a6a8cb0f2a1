package org.gmck.spi.monitor;

/**
 * One step the monitor took with a host page, in the order taken.
 *
 * @param kind      what it did
 * @param guestPage the guest physical page number concerned
 * @param hostPage  the host physical address of the host page concerned
 */
public record MonitorEvent(Kind kind, long guestPage, long hostPage) {

    /** The steps. */
    public enum Kind {
        /** The page was locked on the host, so that the host cannot page it out. */
        LOCKED,
        /** A monitor table entry now maps the page. */
        MAPPED,
        /** The last monitor table entry mapping the page was removed. */
        UNMAPPED,
        /** The page was unlocked and given back to the host. */
        UNLOCKED
    }
}
