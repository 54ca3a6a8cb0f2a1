package org.gmck.selftest.x86;

import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Mmu;

/**
 * Applies the RFLAGS.AC override of SMAP to implicit supervisor accesses too (descriptor-table or TSS
 * reads), as if they were explicit: with AC set, the kernel's implicit accesses reach user-mode pages.
 */
@Breaks(value = "X86-SMAP-3", also = "X86-AR-6")
public final class SmapHonoursAcForImplicitAccesses extends KnownBad {

    /** RFLAGS.AC, the alignment-check flag that SMAP reads as "access user pages on purpose". */
    private static final long RFLAGS_AC = X86Mmu.RFLAGS_AC;

    X86Mmu newX86Mmu(X86Mmu reference) {
        return new ForwardingX86Mmu(reference) {
            private long rflags;

            @Override
            public void setRflags(long value) {
                real.setRflags(value);
                rflags = value;
            }

            @Override
            public AccessOutcome access(Access access) {
                AccessOutcome outcome = real.access(access);
                if (access.privilege() == Privilege.IMPLICIT_SUPERVISOR
                        && (rflags & RFLAGS_AC) != 0
                        && outcome instanceof PageFault) {
                    AccessOutcome explicit =
                            real.access(new Access(access.linearAddress(), access.kind(), Privilege.SUPERVISOR));
                    if (explicit instanceof Translated) {
                        return explicit;
                    }
                }
                return outcome;
            }
        };
    }
}
