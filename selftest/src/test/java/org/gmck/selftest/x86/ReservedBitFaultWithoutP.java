package org.gmck.selftest.x86;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.X86Mmu;

/**
 * Builds a reserved-bit fault's error code from RSVD and the access alone, forgetting that the entry was
 * present: P is 0, so a guest kernel takes it for a not-present page and pages it in again for ever. Every
 * rule whose scenarios expect a reserved-bit fault's exact error code catches it.
 */
@Breaks(
        value = "X86-RSVD-8",
        also = {
            "X86-AD-3",
            "X86-AD-4",
            "X86-LARGE-4",
            "X86-PREC-1",
            "X86-PREC-2",
            "X86-RSVD-2",
            "X86-RSVD-3",
            "X86-RSVD-4",
            "X86-RSVD-5",
            "X86-RSVD-6"
        })
public final class ReservedBitFaultWithoutP extends KnownBad {

    X86Mmu newX86Mmu(X86Mmu reference) {
        return new ForwardingX86Mmu(reference) {
            @Override
            public AccessOutcome access(Access access) {
                AccessOutcome outcome = real.access(access);
                if (outcome instanceof PageFault fault && (fault.errorCode() & PageFault.RSVD) != 0) {
                    return new PageFault(fault.errorCode() & ~PageFault.P, fault.cr2());
                }
                return outcome;
            }
        };
    }
}
