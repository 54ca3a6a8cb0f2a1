package org.gmck.spi.pgm;

import org.gmck.spi.common.RejectedException;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.EntryField;

/**
 * The argument checks of {@link PagingModes} and {@link ShadowContext}, stated once: each method refuses
 * bad input with the {@link RejectedException} and {@link ModeStatus} the interfaces document and returns
 * its argument otherwise, so that an implementation calls them on entry and implements only behaviour.
 */
public final class ModeArguments {

    private static final long FOUR_GIB = 1L << 32;
    private static final long LONG_MODE_LIMIT = 1L << (EntryField.ADDRESS_64.high() + 1);
    private static final long PAGE_OFFSET = ~EntryField.ADDRESS_64.mask() & (LONG_MODE_LIMIT - 1);
    private static final long PAE_PDPT_OFFSET = ~EntryField.PAE_PDPT_IN_CR3.mask() & (FOUR_GIB - 1);

    private ModeArguments() {}

    /**
     * A paging mode argument.
     *
     * @throws RejectedException {@link ModeStatus#INVALID_MODE} for {@code null} or {@link PagingMode#INVALID}
     */
    public static PagingMode requireMode(PagingMode mode, String role) {
        if (mode == null || mode == PagingMode.INVALID) {
            throw new RejectedException(ModeStatus.INVALID_MODE, role + " " + mode + " is not a paging mode");
        }
        return mode;
    }

    /**
     * A guest mode argument.
     *
     * @throws RejectedException {@link ModeStatus#INVALID_MODE} for {@code null} or {@link GuestMode#INVALID}
     */
    public static GuestMode requireGuestMode(GuestMode mode) {
        if (mode == null || mode == GuestMode.INVALID) {
            throw new RejectedException(ModeStatus.INVALID_MODE, "guest mode " + mode + " is not a paging mode");
        }
        return mode;
    }

    /**
     * A guest mode argument that must page (to have a CR3 to read).
     *
     * @throws RejectedException {@link ModeStatus#INVALID_MODE}, then {@link ModeStatus#NOT_IN_THIS_MODE}
     *                           for real and protected mode
     */
    public static GuestMode requirePagingGuest(GuestMode mode) {
        if (!requireGuestMode(mode).paging()) {
            throw new RejectedException(ModeStatus.NOT_IN_THIS_MODE, "CR3 is not used in " + mode + " mode");
        }
        return mode;
    }

    /**
     * Registers a guest mode is derived from: they must describe a state a CPU can be in.
     *
     * @throws RejectedException {@link ModeStatus#INCONSISTENT_CONTROL_REGISTERS} for no registers, CR0.PG
     *                           without CR0.PE, long mode without CR4.PAE, or EFER.LMA other than CR0.PG and
     *                           EFER.LME
     */
    public static ControlRegisters requireConsistent(ControlRegisters r) {
        String problem = null;
        if (r == null) {
            problem = "no registers";
        } else if (r.pg() && !r.pe()) {
            problem = "CR0.PG is set while CR0.PE is clear: paging needs protected mode";
        } else if (r.pg() && r.lme() && !r.pae()) {
            problem = "CR0.PG and EFER.LME are set while CR4.PAE is clear: long mode needs PAE";
        } else if (r.lma() != (r.pg() && r.lme())) {
            problem = "EFER.LMA disagrees with CR0.PG and EFER.LME: the CPU sets LMA exactly when both are set";
        }
        if (problem != null) {
            throw new RejectedException(ModeStatus.INCONSISTENT_CONTROL_REGISTERS, problem);
        }
        return r;
    }

    /**
     * The address of a top-level table of {@code mode}, as a CR3 can hold it: 32-byte aligned below 4 GiB in
     * legacy PAE, page aligned below 4 GiB in 32-bit paging, page aligned below 2^52 in long mode.
     *
     * @throws RejectedException {@link ModeStatus#INVALID_MODE}, {@link ModeStatus#MISALIGNED_CR3}, then
     *                           {@link ModeStatus#CR3_OUT_OF_RANGE}
     */
    public static long requireTopTable(PagingMode mode, long table) {
        requireMode(mode, "paging mode");
        long alignment = mode == PagingMode.PAE ? PAE_PDPT_OFFSET : PAGE_OFFSET;
        long limit = mode == PagingMode.AMD64 ? LONG_MODE_LIMIT : FOUR_GIB;
        if ((table & alignment) != 0) {
            throw new RejectedException(
                    ModeStatus.MISALIGNED_CR3,
                    String.format(
                            "%#x is not aligned as a %s top-level table must be (low bits %#x clear)",
                            table, mode, alignment));
        }
        if (table < 0 || table >= limit) {
            throw new RejectedException(
                    ModeStatus.CR3_OUT_OF_RANGE,
                    String.format("%#x is not below %#x, the limit of a %s CR3", table, limit, mode));
        }
        return table;
    }
}
