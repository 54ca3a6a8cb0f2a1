package org.gmck.spi.x86;

import org.gmck.spi.common.RejectedException;

/**
 * The argument checks of {@link X86Mmu}, stated once: each method refuses bad input with the
 * {@link RejectedException} and {@link X86Status} the interface documents, and returns normally otherwise.
 * An implementation calls them on entry and implements only behaviour; what they check is input no CPU
 * could be given, never an architectural fault (those are outcomes: {@link PageFault},
 * {@link GeneralProtection}).
 */
public final class X86Arguments {

    /** The narrowest MAXPHYADDR a CPU model may have. */
    public static final int MIN_MAXPHYADDR = 32;
    /** The widest MAXPHYADDR a CPU model may have. */
    public static final int MAX_MAXPHYADDR = 52;

    private static final long PAGE_OFFSET = (1L << PageSize.SIZE_4K.shift()) - 1;
    private static final int PDPTE_REGISTERS_BYTES = 32;

    private X86Arguments() {}

    /**
     * Checks what an MMU is created from.
     *
     * @throws RejectedException {@link X86Status#INVALID_CPU_MODEL} for no model or a MAXPHYADDR outside
     *                           32..52, {@link X86Status#INVALID_GUEST_RAM} for a RAM size that is not a
     *                           positive multiple of 4 KiB within MAXPHYADDR
     */
    public static void checkCreation(CpuModel cpu, long guestRamBytes) {
        if (cpu == null || cpu.maxPhysAddr() < MIN_MAXPHYADDR || cpu.maxPhysAddr() > MAX_MAXPHYADDR) {
            throw new RejectedException(
                    X86Status.INVALID_CPU_MODEL,
                    "MAXPHYADDR must lie in " + MIN_MAXPHYADDR + ".." + MAX_MAXPHYADDR + ": " + cpu);
        }
        if (guestRamBytes <= 0 || (guestRamBytes & PAGE_OFFSET) != 0 || guestRamBytes > 1L << cpu.maxPhysAddr()) {
            throw new RejectedException(
                    X86Status.INVALID_GUEST_RAM,
                    String.format(
                            "guest RAM of %#x bytes is not a positive multiple of 4 KiB within MAXPHYADDR %d",
                            guestRamBytes, cpu.maxPhysAddr()));
        }
    }

    /**
     * Checks one physical access of {@code width} bytes (4 or 8) to guest RAM of {@code guestRamBytes}.
     *
     * @throws RejectedException {@link X86Status#MISALIGNED_PHYSICAL_ACCESS} first, then
     *                           {@link X86Status#OUTSIDE_GUEST_RAM}
     */
    public static void checkPhysical(long address, int width, long guestRamBytes) {
        if ((address & (width - 1)) != 0) {
            throw new RejectedException(
                    X86Status.MISALIGNED_PHYSICAL_ACCESS,
                    String.format("a %d-byte access at %#x is not naturally aligned", width, address));
        }
        if (address < 0 || address > guestRamBytes - width) {
            throw new RejectedException(
                    X86Status.OUTSIDE_GUEST_RAM,
                    String.format("%#x lies outside guest RAM [0, %#x)", address, guestRamBytes));
        }
    }

    /**
     * Checks registers to load: every bit set is modelled, and the registers can be held at once.
     *
     * @throws RejectedException {@link X86Status#INCONSISTENT_CONTROL_REGISTERS} for no registers,
     *                           {@link X86Status#UNMODELLED_REGISTER_BIT}, then
     *                           {@link X86Status#INCONSISTENT_CONTROL_REGISTERS}
     */
    public static void checkRegisters(ControlRegisters r) {
        if (r == null) {
            throw new RejectedException(X86Status.INCONSISTENT_CONTROL_REGISTERS, "no registers to load");
        }
        if ((r.cr0() & ~ControlRegisters.CR0_MODELLED) != 0
                || (r.cr4() & ~ControlRegisters.CR4_MODELLED) != 0
                || (r.efer() & ~ControlRegisters.EFER_MODELLED) != 0) {
            throw new RejectedException(
                    X86Status.UNMODELLED_REGISTER_BIT,
                    String.format(
                            "only CR0 %#x, CR4 %#x and EFER %#x are modelled; got CR0 %#x, CR4 %#x, EFER %#x",
                            ControlRegisters.CR0_MODELLED,
                            ControlRegisters.CR4_MODELLED,
                            ControlRegisters.EFER_MODELLED,
                            r.cr0(),
                            r.cr4(),
                            r.efer()));
        }
        String problem = null;
        if (r.pg() && !r.pe()) {
            problem = "CR0.PG is set without CR0.PE";
        } else if (r.lma() != (r.pg() && r.lme())) {
            problem = "EFER.LMA must equal CR0.PG and EFER.LME";
        } else if (r.lma() && !r.pae()) {
            problem = "IA-32e mode needs CR4.PAE";
        } else if (!r.lma() && (r.cr3() >>> 32) != 0) {
            problem = "CR3 holds only 32 bits outside IA-32e mode";
        }
        if (problem != null) {
            throw new RejectedException(X86Status.INCONSISTENT_CONTROL_REGISTERS, problem + ": " + r);
        }
    }

    /**
     * Checks that the four PDPTEs a load in PAE paging reads lie in guest RAM (nothing to check in another
     * mode). Call it once the load is known not to raise #GP: a refused load reads no PDPTE.
     *
     * @throws RejectedException {@link X86Status#OUTSIDE_GUEST_RAM}
     */
    public static void checkPdptesInGuestRam(ControlRegisters r, long guestRamBytes) {
        if (r.pagingMode() != X86PagingMode.PAE) {
            return;
        }
        long pdpt = EntryField.PAE_PDPT_IN_CR3.of(r.cr3());
        if (pdpt > guestRamBytes - PDPTE_REGISTERS_BYTES) {
            throw new RejectedException(
                    X86Status.OUTSIDE_GUEST_RAM,
                    String.format("the PDPTEs at %#x lie outside guest RAM [0, %#x)", pdpt, guestRamBytes));
        }
    }

    /**
     * Checks an access against the registers in force ({@code null} when none were loaded yet).
     *
     * @throws RejectedException {@link X86Status#NO_REGISTERS_LOADED}, {@link X86Status#INVALID_ACCESS}
     *                           for no access or an implicit supervisor fetch, then
     *                           {@link X86Status#LINEAR_ADDRESS_TOO_WIDE} above 4 GiB outside IA-32e mode
     */
    public static void checkAccess(Access access, ControlRegisters loaded) {
        if (loaded == null) {
            throw new RejectedException(
                    X86Status.NO_REGISTERS_LOADED, "load the control registers before the first access");
        }
        if (access == null) {
            throw new RejectedException(X86Status.INVALID_ACCESS, "no access to perform");
        }
        if (access.privilege() == Privilege.IMPLICIT_SUPERVISOR && access.kind() == AccessKind.FETCH) {
            throw new RejectedException(X86Status.INVALID_ACCESS, "an implicit supervisor access is never a fetch");
        }
        if (!loaded.lma() && (access.linearAddress() >>> 32) != 0) {
            throw new RejectedException(
                    X86Status.LINEAR_ADDRESS_TOO_WIDE,
                    String.format(
                            "%#x does not fit the 32-bit linear addresses of %s",
                            access.linearAddress(), loaded.pagingMode()));
        }
    }
}
