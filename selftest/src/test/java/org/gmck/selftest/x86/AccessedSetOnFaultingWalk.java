package org.gmck.selftest.x86;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.X86Mmu;

/**
 * Sets the accessed flags while walking, before the access rights are checked, so a write or fetch that
 * then faults on a present, readable page leaves A set in the leaf (and in the entries above it). The
 * scenarios of other rules that check a protection fault leaves the tables as they were catch it too.
 */
@Breaks(
        value = "X86-AD-3",
        also = {"X86-AD-4", "X86-AR-1", "X86-AR-3", "X86-AR-6", "X86-SMAP-3", "X86-SMEP-1"})
public final class AccessedSetOnFaultingWalk extends KnownBad {

    X86Mmu newX86Mmu(X86Mmu reference) {
        return new ForwardingX86Mmu(reference) {
            @Override
            public AccessOutcome access(Access access) {
                AccessOutcome outcome = real.access(access);
                if (outcome instanceof PageFault fault
                        && (fault.errorCode() & (PageFault.P | PageFault.RSVD)) == PageFault.P) {
                    real.access(new Access(access.linearAddress(), AccessKind.READ, Privilege.SUPERVISOR));
                }
                return outcome;
            }
        };
    }
}
