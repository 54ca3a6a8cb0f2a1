package org.gmck.spi.pgm.shadow;

/**
 * A fault handed to the guest, exactly as the guest's own tables cause it.
 *
 * @param vector    14 for a page fault, 13 for a general-protection fault
 * @param errorCode the error code the guest sees (the page-fault bits P, W/R, U/S, RSVD, I/D; 0 for #GP)
 * @param cr2       the guest's CR2 after a page fault: the faulting linear address (0 for #GP)
 */
public record ReflectedFault(int vector, int errorCode, long cr2) {
    public static final int PAGE_FAULT = 14;
    public static final int GENERAL_PROTECTION = 13;
}
