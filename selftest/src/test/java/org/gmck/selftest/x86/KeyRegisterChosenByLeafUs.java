package org.gmck.selftest.x86;

import java.util.List;
import org.gmck.selftest.Breaks;
import org.gmck.selftest.KnownBad;
import org.gmck.spi.x86.Access;
import org.gmck.spi.x86.AccessKind;
import org.gmck.spi.x86.AccessOutcome;
import org.gmck.spi.x86.ControlRegisters;
import org.gmck.spi.x86.EntryFlag;
import org.gmck.spi.x86.EntryUse;
import org.gmck.spi.x86.PageFault;
import org.gmck.spi.x86.Privilege;
import org.gmck.spi.x86.Translated;
import org.gmck.spi.x86.X86Mmu;

/**
 * Chooses between PKRU and IA32_PKRS by the U/S bit of the leaf entry, where the key itself lives, instead
 * of by the U/S of the whole translation: a page whose leaf says "user" under an upper entry that says
 * "supervisor" is a supervisor-mode address, but its key is looked up in PKRU and IA32_PKRS is never
 * consulted for it.
 */
@Breaks("X86-PK-3")
public final class KeyRegisterChosenByLeafUs extends KnownBad {

    private static final long US = EntryFlag.USER.mask();

    X86Mmu newX86Mmu(X86Mmu reference) {
        return new TrackingX86Mmu(reference) {
            @Override
            public AccessOutcome access(Access access) {
                List<Step> path = path(access.linearAddress());
                Step leaf = path.isEmpty() ? null : path.get(path.size() - 1);
                boolean mixed = ia32e()
                        && access.kind() != AccessKind.FETCH
                        && leaf != null
                        && leaf.leaf()
                        && leaf.present()
                        && leaf.has(2)
                        && path.stream().anyMatch(s -> (s.value() & US) == 0);
                if (!mixed) {
                    return real.access(access);
                }
                real.setPkrs(0);
                AccessOutcome unguarded;
                try {
                    unguarded = real.access(access);
                } finally {
                    real.setPkrs(pkrs);
                }
                int key = (int) ((leaf.value() >>> 59) & 0xF);
                int bits = pkru >>> (2 * key);
                boolean write = access.kind() == AccessKind.WRITE;
                boolean user = access.privilege() == Privilege.USER;
                boolean refused = cr4(ControlRegisters.CR4_PKE)
                        && ((bits & 1) != 0 || (write && (bits & 2) != 0 && (user || wp())));
                if (!refused) {
                    return unguarded;
                }
                if (unguarded instanceof Translated t) {
                    for (EntryUse e : t.entries()) {
                        real.writePhysical64(e.address(), e.value());
                    }
                    return new PageFault(
                            PageFault.P | PageFault.PK | (write ? PageFault.W : 0) | (user ? PageFault.U : 0),
                            access.linearAddress());
                }
                PageFault fault = (PageFault) unguarded;
                return (fault.errorCode() & PageFault.RSVD) != 0 || (fault.errorCode() & PageFault.P) == 0
                        ? fault
                        : new PageFault(fault.errorCode() | PageFault.PK, fault.cr2());
            }
        };
    }
}
