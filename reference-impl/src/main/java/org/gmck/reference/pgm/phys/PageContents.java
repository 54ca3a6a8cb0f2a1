package org.gmck.reference.pgm.phys;

/**
 * Where the bytes of guest pages live. An access names both the guest physical address and the host page
 * behind it, so that a store may be keyed by either; it is told when contents move to another host page
 * (copy on write, sharing) and when a host page is given back.
 */
public interface PageContents {

    /** Reads {@code width} naturally aligned bytes. */
    long read(long gcPhys, long hostPhys, int width);

    /** Writes {@code width} naturally aligned bytes. */
    void write(long gcPhys, long hostPhys, int width, long value);

    /** The contents of a host page were copied to another host page. */
    void copied(long fromHostPhys, long toHostPhys);

    /** A host page went back to the host; it reads as zero when handed out again. */
    void released(long hostPhys);
}
