package org.gmck.spi.x86;

/**
 * #PF (Intel SDM Vol. 3A, 4.7 "Page-Fault Exceptions").
 *
 * @param errorCode the error code pushed (bits P, W/R, U/S, RSVD, I/D, PK)
 * @param cr2       the value written to CR2: the full faulting linear address
 */
public record PageFault(int errorCode, long cr2) implements AccessOutcome {
    /** 0: not-present entry; 1: any other cause. */
    public static final int P = 1;
    /** The access was a write. */
    public static final int W = 1 << 1;
    /** The access was a user-mode access. */
    public static final int U = 1 << 2;
    /** A reserved bit was set in a present entry. */
    public static final int RSVD = 1 << 3;
    /** The access was an instruction fetch (reported only with CR4.SMEP=1, or CR4.PAE=1 and EFER.NXE=1). */
    public static final int ID = 1 << 4;
    /** A protection key forbade the access. */
    public static final int PK = 1 << 5;

    @Override
    public String toString() {
        StringBuilder bits = new StringBuilder();
        String[] names = {"P", "W", "U", "RSVD", "I/D", "PK"};
        for (int i = 0; i < names.length; i++) {
            if ((errorCode & (1 << i)) != 0) {
                bits.append(bits.length() == 0 ? "" : "|").append(names[i]);
            }
        }
        return String.format("PageFault[error=%#x (%s), cr2=%#x]", errorCode, bits.length() == 0 ? "0" : bits, cr2);
    }
}
