package org.gmck.selftest.x86;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.LoadOutcome;
import org.gmck.spi.x86.Loaded;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.X86Mmu;

/**
 * Lets supervisor-mode writes through read-only translations whatever CR0.WP holds, as a walker written
 * for the 386 would: copy-on-write pages a guest kernel writes to are changed under the user's feet. The
 * read-only and SMAP scenarios that make their point with a supervisor write, the check that such a
 * faulting write leaves the leaf unchanged, and the repeated write after CR0.WP is set, catch it too.
 */
@Breaks(
        value = "X86-AR-6",
        also = {"X86-AD-3", "X86-AR-1", "X86-ERR-1", "X86-SMAP-1", "X86-SMAP-2", "X86-WALK-6"})
public final class SupervisorWritesIgnoreWp extends KnownBad {

    X86Mmu newX86Mmu(X86Mmu reference) {
        return new ForwardingX86Mmu(reference) {
            private ControlRegisters loaded;

            @Override
            public LoadOutcome loadControlRegisters(ControlRegisters registers) {
                LoadOutcome outcome = real.loadControlRegisters(registers);
                if (outcome instanceof Loaded) {
                    loaded = registers;
                }
                return outcome;
            }

            @Override
            public AccessOutcome access(Access access) {
                AccessOutcome outcome = real.access(access);
                boolean supervisorWrite = access.kind() == AccessKind.WRITE && access.privilege() != Privilege.USER;
                if (supervisorWrite
                        && loaded != null
                        && (loaded.cr0() & ControlRegisters.CR0_WP) != 0
                        && outcome instanceof PageFault fault
                        && (fault.errorCode() & (PageFault.P | PageFault.RSVD | PageFault.PK)) == PageFault.P) {
                    ControlRegisters withWp = loaded;
                    real.loadControlRegisters(new ControlRegisters(
                            withWp.cr0() & ~ControlRegisters.CR0_WP, withWp.cr3(), withWp.cr4(), withWp.efer()));
                    AccessOutcome retried = real.access(access);
                    real.loadControlRegisters(withWp);
                    return retried;
                }
                return outcome;
            }
        };
    }
}
